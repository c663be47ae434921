package dev.kubeward.api.report;

import dev.kubeward.api.support.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.exception.ScanFixtures;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.worker.finding.ScanOutcome;
import org.apache.pdfbox.Loader;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.File;
import java.time.Duration;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A CIS v1.12 report of a scanned cluster with an approved exception, generated through the API: the PDF's text
 * (read back with PDFBox) holds the score, the control table and the exception register; the JSON hashes to the
 * archived content hash and agrees with the stored score; the archive refuses updates; the HTML renders in
 * headless Chromium (screenshot in target/screenshots/).
 */
@KubewardIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportIT {

    static final String CIS = "cis-v1.12.0";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;
    @Autowired PlatformTransactionManager txManager;

    ApiClient api;
    TestTenant tenant;
    ScanOutcome scan;
    String exceptionName = "Boutique frontend accepted risk";
    JsonNode meta;
    String exceptedResource;

    static String firstCisControl() {
        return ControlCatalog.standard().framework(CIS).orElseThrow().controlIds().get(0);
    }

    @BeforeAll
    void generate() {
        api = new ApiClient(port);
        tenant = new TenantFixtures(jdbc, tokens, clusters).tenant("reports");
        scan = new ScanFixtures(jdbc, txManager).scan(tenant.id(), tenant.clusterId(),
                ScanFixtures.manifests("demo/common/online-boutique.yaml", "demo/extra/payments-api.yaml"));
        Map<String, Object> f = TenantContext.callAs(tenant.id(), () -> jdbc.queryForMap("""
                SELECT control_id, namespace, name FROM findings WHERE tenant_id = ? AND status = 'open' AND control_id = ANY (?)
                 ORDER BY (name = 'frontend') DESC, kind = 'Deployment' DESC, control_id LIMIT 1""", tenant.id(),
                ControlCatalog.standard().framework(CIS).orElseThrow().controlIds().toArray(String[]::new)));
        exceptedResource = (String) f.get("name");
        ApiClient.Response e = api.send("POST", "/api/v1/exceptions", tenant.token(Role.ANALYST), """
                {"name": "%s", "controls": ["%s"], "namespaces": ["%s"], "names": ["%s"], "reason": "Fronted by a WAF; fix planned in Q3",
                 "compensatingControl": "WAF rule set 7", "owner": "shop-team", "expiresAt": "%s"}"""
                .formatted(exceptionName, f.get("control_id"), f.get("namespace"), f.get("name"), Instant.now().plusSeconds(90 * 86400)));
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        assertThat(api.send("POST", "/api/v1/exceptions/" + e.json().path("exception").path("id").asText() + "/approve",
                tenant.token(Role.ADMIN), null).status()).isEqualTo(200);

        String request = "{\"framework\": \"" + CIS + "\", \"scope\": {\"clusters\": [\"" + tenant.clusterId() + "\"]}}";
        assertThat(api.send("POST", "/api/v1/reports", tenant.token(Role.VIEWER), request).status()).isEqualTo(403);
        ApiClient.Response r = api.send("POST", "/api/v1/reports", tenant.token(Role.ANALYST), request);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        meta = r.json();
    }

    @Test
    void thePdfHoldsTheScoreTheControlTableAndTheExceptions() throws Exception {
        byte[] pdf = download("/api/v1/reports/" + meta.path("id").asText() + "/pdf", tenant.token(Role.VIEWER));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("report-cis.pdf"), pdf);
        String raw, text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            // table cells wrap: compare with runs of whitespace made one space (and the hash with none)
            raw = new PDFTextStripper().getText(doc);
        }
        text = raw.replaceAll("\\s+", " ");
        String score = String.format(java.util.Locale.ROOT, "%.1f%%", meta.path("score").asDouble());
        assertThat(text).contains("CIS Kubernetes Benchmark v1.12.0").contains("Executive summary").contains("Compliance score").contains(score);
        assertThat(text).contains("Control matrix").contains(firstCisControl()).contains("Excepted").contains("Failed");
        assertThat(text).contains("Exception register").contains(exceptionName).contains("Fronted by a WAF").contains("WAF rule set 7");
        assertThat(text).contains("Not evaluable").contains("Evidence appendix").contains(exceptedResource).contains("Sign-off");
        assertThat(raw.replaceAll("\\s+", "")).contains(meta.path("contentHash").asText());
    }

    @Test
    void theJsonIsTheHashedContentAndAgreesWithTheStoredScore() throws Exception {
        String id = meta.path("id").asText();
        byte[] json = download("/api/v1/reports/" + id + "/json", tenant.token(Role.VIEWER));
        assertThat(ReportService.sha256(new String(json, StandardCharsets.UTF_8))).isEqualTo(meta.path("contentHash").asText());
        JsonNode content = dev.kubeward.contract.ChunkCodec.mapper().readTree(json);
        BigDecimal stored = TenantContext.callAs(tenant.id(), () -> jdbc.queryForObject(
                "SELECT score FROM scan_framework_scores WHERE tenant_id = ? AND scan_id = ? AND framework = ?", BigDecimal.class,
                tenant.id(), scan.scanId(), CIS));
        assertThat(content.path("summary").path("score").asDouble()).isEqualTo(stored.doubleValue());
        assertThat(content.path("summary").path("resourcesExcepted").asInt()).isEqualTo(1);
        assertThat(content.path("controls")).hasSize(ControlCatalog.standard().framework(CIS).orElseThrow().controlIds().size());
        assertThat(content.path("exceptions").get(0).path("findingsCovered").asInt()).isEqualTo(1);
        assertThat(content.path("notEvaluated").size()).isPositive();
        assertThat(content.path("trend").size()).isPositive();

        String csv = new String(download("/api/v1/reports/" + id + "/csv", tenant.token(Role.VIEWER)), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("framework,control_id,control,severity,status");
        assertThat(csv).contains(",excepted,").contains(exceptionName);

        JsonNode archive = api.get("/api/v1/reports", tenant.token(Role.VIEWER)).json();
        assertThat(archive).extracting(n -> n.path("id").asText()).contains(id);
        assertThat(archive.get(0).path("generatedBy").asText()).isEqualTo("token:it-analyst");
        assertThatThrownBy(() -> TenantContext.runAs(tenant.id(), () -> jdbc.update("UPDATE reports SET score = 100 WHERE id = ?", UUID.fromString(id))))
                .hasMessageContaining("immutable");
        assertThat(api.get("/api/v1/reports/" + UUID.randomUUID() + "/pdf", tenant.token(Role.VIEWER)).status()).isEqualTo(404);
    }

    @Test
    void theHtmlReportRendersInChromium() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Chromium not installed");
        byte[] html = download("/api/v1/reports/" + meta.path("id").asText() + "/html", tenant.token(Role.VIEWER));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve("report-cis.html").toAbsolutePath();
        Files.write(file, html);
        Path profile = Files.createTempDirectory("kw-report-chrome-");
        ChromeOptions options = HeadlessChromium.options(profile, 1280, 2400);
        WebDriver driver = HeadlessChromium.start(options);
        try {
            driver.get(file.toUri().toString());
            assertThat(driver.getTitle()).contains("compliance report");
            assertThat(driver.findElement(By.id("score")).getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%", meta.path("score").asDouble()));
            List<?> rows = driver.findElements(By.cssSelector("#controls tbody tr"));
            assertThat(rows).hasSize(ControlCatalog.standard().framework(CIS).orElseThrow().controlIds().size());
            assertThat(driver.findElement(By.id("exceptions")).getText()).contains(exceptionName);
            Number chartWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return document.querySelector('img.chart').naturalWidth");
            assertThat(chartWidth.intValue()).isEqualTo(1200);
            Files.write(SCREENSHOTS.resolve("report-cis.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    /**
     * The manager's way: the Reports page's form, signed in as an analyst. Generation runs off the request thread, the
     * browser lands on the report once it is archived, and the archive's PDF link serves a PDF holding the same score
     * and exception; the audit log names the analyst, not "system", although the work ran on another thread.
     */
    @Test
    void theReportsPageGeneratesTheReportAndItsPdf() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Chromium not installed");
        WebDriver driver = HeadlessChromium.start(HeadlessChromium.options(Files.createTempDirectory("kw-report-ui-"), 1280, 1600));
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get("http://127.0.0.1:" + port + "/reports");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(tenant.user(Role.ANALYST).username());
            driver.findElement(By.id("password")).sendKeys(tenant.user(Role.ANALYST).password());
            driver.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gen-framework")));
            new Select(driver.findElement(By.id("gen-framework"))).selectByValue(CIS);
            new Select(driver.findElement(By.id("gen-clusters"))).selectByValue(tenant.clusterId().toString());
            driver.findElement(By.cssSelector("#generate-report button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches("/reports/[0-9a-f-]{36}/view$"));
            String reportId = driver.getCurrentUrl().replaceAll(".*/reports/([0-9a-f-]{36})/view$", "$1");
            assertThat(reportId).isNotEqualTo(meta.path("id").asText());
            String score = driver.findElement(By.id("score")).getText();
            assertThat(score).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%", meta.path("score").asDouble()));
            assertThat(driver.findElement(By.id("exceptions")).getText()).contains(exceptionName);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("report-generated-in-ui.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

            driver.get("http://127.0.0.1:" + port + "/reports");
            WebElement pdfLink = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='/reports/" + reportId + "/pdf']")));
            String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink.getAttribute("href")))
                    .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text).contains("CIS Kubernetes Benchmark v1.12.0").contains(score).contains("Control matrix").contains(exceptionName);
            }
            String actor = TenantContext.callAs(tenant.id(), () -> jdbc.queryForObject(
                    "SELECT actor FROM audit_log WHERE tenant_id = ? AND action = 'report.generated' AND target = ?", String.class,
                    tenant.id(), "report:" + reportId));
            assertThat(actor).isNotBlank().isNotEqualTo("system");
        } finally {
            driver.quit();
        }
    }

    private byte[] download(String path, String token) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
