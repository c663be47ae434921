package dev.kubeward.api.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Renders a report: one Thymeleaf template ({@code reports/document.html}, written as well-formed XHTML) gives
 * the self-contained print-ready HTML (inline CSS, the chart as a data URI), and openhtmltopdf draws the same
 * XHTML as PDF, so both always say the same thing.
 */
@Component
public class ReportRenderer {

    /** Fonts with wide Unicode coverage when the system has them; otherwise the PDF's built-in Helvetica. */
    private static final List<String> FONTS = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private final ITemplateEngine templates;

    public ReportRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    public String html(ComplianceReport report, String contentHash) {
        Context ctx = new Context(Locale.ROOT);
        ctx.setVariable("r", report);
        ctx.setVariable("hash", contentHash);
        ctx.setVariable("chart", TrendChart.dataUri(report.trend()));
        ctx.setVariable("f", new ReportFormat());
        return templates.process("reports/document", ctx);
    }

    public byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            File regular = new File(FONTS.get(0)), bold = new File(FONTS.get(1));
            if (regular.canRead()) b.useFont(regular, "Report Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            if (bold.canRead()) b.useFont(bold, "Report Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            b.withHtmlContent(xhtml, null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the report as PDF", e);
        }
    }
}
