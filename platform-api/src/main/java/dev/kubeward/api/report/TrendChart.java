package dev.kubeward.api.report;

import dev.kubeward.api.report.ComplianceReport.TrendPoint;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * The score trend as a small PNG line chart drawn with Java2D on the server, so the same picture goes into
 * the HTML page, the PDF and the archive without a browser or JavaScript. Y axis 0–100 %.
 */
public final class TrendChart {

    private static final int W = 1200, H = 360, LEFT = 70, RIGHT = 30, TOP = 30, BOTTOM = 50;
    private static final Color LINE = new Color(0x0d, 0x6e, 0xfd);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d");

    private TrendChart() {
    }

    public static byte[] png(List<TrendPoint> points) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
            int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
            for (int pct = 0; pct <= 100; pct += 25) {
                int y = TOP + plotH - pct * plotH / 100;
                g.setColor(new Color(0xe5, 0xe7, 0xeb));
                g.drawLine(LEFT, y, LEFT + plotW, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(pct + "%", 10, y + 6);
            }
            List<TrendPoint> scored = points.stream().filter(p -> p.score() != null).toList();
            if (scored.isEmpty()) {
                g.drawString("No scans in the period", LEFT + plotW / 2 - 100, TOP + plotH / 2);
                return encode(img);
            }
            int n = scored.size();
            Path2D line = new Path2D.Double();
            for (int i = 0; i < n; i++) {
                double x = LEFT + (n == 1 ? plotW / 2.0 : (double) i * plotW / (n - 1));
                double y = TOP + plotH - scored.get(i).score() * plotH / 100.0;
                if (i == 0) line.moveTo(x, y);
                else line.lineTo(x, y);
            }
            g.setColor(LINE);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            for (int i = 0; i < n; i++) {
                double x = LEFT + (n == 1 ? plotW / 2.0 : (double) i * plotW / (n - 1));
                double y = TOP + plotH - scored.get(i).score() * plotH / 100.0;
                g.fillOval((int) x - 5, (int) y - 5, 10, 10);
            }
            g.setColor(Color.DARK_GRAY);
            int labels = Math.min(n, 7);
            for (int k = 0; k < labels; k++) {
                int i = labels == 1 ? 0 : k * (n - 1) / (labels - 1);
                int x = LEFT + (n == 1 ? plotW / 2 : i * plotW / (n - 1));
                g.drawString(DAY.format(scored.get(i).day()), x - 25, H - 15);
            }
            TrendPoint last = scored.get(n - 1);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.setColor(LINE);
            g.drawString(String.format(java.util.Locale.ROOT, "%.1f%%", last.score()), W - RIGHT - 80, TOP - 6);
            return encode(img);
        } finally {
            g.dispose();
        }
    }

    public static String dataUri(List<TrendPoint> points) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(points));
    }

    private static byte[] encode(BufferedImage img) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
