package dev.kubeward.api.ui;

import dev.kubeward.api.support.HeadlessChromium;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard page in Chromium as a demo user of a tenant holding the demo's four clusters (EKS, AKS, GKE,
 * on-prem) with fifteen days of real scans: the key numbers on each page equal what the REST API (or the
 * database) says, every count links to a filtered findings list, and no page loads anything from outside
 * 127.0.0.1. Full-page screenshots at 1280 px go to target/screenshots/ui-*.png.
 */
@KubewardIT
@EnabledIf("browserAvailable")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPagesBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> DEMO = List.of("prod-eu-eks", "staging-aks", "payments-gke", "onprem-dc1");

    static WebDriver driver;
    static Path profile;
    static TestTenant acme;
    static TestTenant globex;
    static Map<String, UUID> clusterIds = new java.util.LinkedHashMap<>();
    static List<String> visited = new ArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ClusterCredentials clusters;
    @Autowired
    PlatformTransactionManager txManager;

    static boolean browserAvailable() {
        return HeadlessChromium.available();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("kw-chrome-ui-");
        ChromeOptions options = HeadlessChromium.options(profile, 1280, 1000);
        driver = HeadlessChromium.start(options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @BeforeEach
    void demoTenants() {
        if (acme != null) return;
        TenantFixtures fixtures = new TenantFixtures(jdbc, tokens, clusters);
        acme = fixtures.tenant("ui-acme");
        globex = fixtures.tenant("ui-globex");
        UiDemoData data = new UiDemoData(jdbc, txManager);
        // the fixture's own cluster would sit in the overview as "pending"; the demo's four clusters replace it
        TenantContext.runAs(acme.id(), () -> jdbc.update("DELETE FROM clusters WHERE tenant_id = ? AND id = ?", acme.id(), acme.clusterId()));
        for (String name : DEMO) {
            var def = UiDemoData.cluster(name);
            UUID id = TenantContext.callAs(acme.id(), () -> clusters.register(name, def.provider())).clusterId();
            clusterIds.put(name, id);
            data.history(acme.id(), id, def);
        }
        data.history(globex.id(), globex.clusterId(), UiDemoData.cluster("payments-gke"));
    }

    @Test
    @Order(1)
    void overviewGroupsClustersByCloudWithTheApisNumbers() throws IOException {
        signIn("/");
        waitFor("#overview");
        assertThat(driver.findElements(By.cssSelector("table[data-cloud]"))).hasSize(4);
        assertThat(text("[data-testid=cluster-count]")).isEqualTo("4");
        JsonNode nsa = api("/api/v1/frameworks").findParents("name").stream().filter(n -> n.path("name").asText().equals("NSA")).findFirst().orElseThrow();
        assertThat(text("[data-testid=tenant-score-value]")).isEqualTo(pct(nsa.path("tenantScore").asDouble()));
        int critical = 0;
        for (JsonNode c : api("/api/v1/clusters").path("items")) critical += c.path("openFindings").path("critical").asInt();
        assertThat(text("[data-testid=open-critical-value]")).isEqualTo(String.valueOf(critical));
        JsonNode eks = api("/api/v1/clusters/" + clusterIds.get("prod-eu-eks"));
        WebElement row = driver.findElement(By.cssSelector("tr[data-cluster='prod-eu-eks']"));
        assertThat(row.getText()).contains(pct(eks.path("frameworkScores").path("NSA").asDouble()), "Healthy");
        WebElement criticalLink = row.findElement(By.cssSelector("a.kw-count[href*='severity=critical']"));
        assertThat(criticalLink.getText()).isEqualTo(String.valueOf(eks.path("openFindings").path("critical").asInt()));
        assertThat(criticalLink.getAttribute("href")).contains("cluster=" + clusterIds.get("prod-eu-eks"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=fix-first] li"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("svg.kw-spark polyline"))).hasSize(4);
        screenshot("ui-01-overview");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("fw"))).selectByValue("PSS-Restricted");
        waitUntil(d -> d.getCurrentUrl().contains("fw=PSS-Restricted"));
        assertThat(text("[data-testid=tenant-score] .kw-kpi-label")).contains("PSS Restricted");
    }

    @Test
    @Order(2)
    void clustersListAndClusterPageShowCoverageScoresAndHistory() throws IOException {
        open("/clusters");
        assertThat(text("[data-testid=cluster-total]")).isEqualTo("4");
        screenshot("ui-02-clusters");

        UUID id = clusterIds.get("prod-eu-eks");
        open("/clusters/" + id);
        assertThat(text("[data-testid=cluster-name]")).isEqualTo("prod-eu-eks");
        JsonNode c = api("/api/v1/clusters/" + id);
        Long evaluated = TenantContext.callAs(acme.id(), () -> jdbc.queryForObject("""
                SELECT count(*) FROM scan_control_summaries WHERE tenant_id = ? AND scan_id = ? AND status IN ('passed', 'failed')""",
                Long.class, acme.id(), UUID.fromString(c.path("lastScanId").asText())));
        assertThat(text("[data-testid=coverage] .kw-big")).isEqualTo(String.valueOf(evaluated));
        WebElement nsaRow = driver.findElement(By.cssSelector("[data-testid=cluster-frameworks] tr[data-framework='NSA']"));
        assertThat(nsaRow.getText()).contains(pct(c.path("frameworkScores").path("NSA").asDouble()));
        assertThat(driver.findElements(By.cssSelector("[data-testid=scan-history] tbody tr"))).hasSize(15);
        assertThat(driver.findElements(By.cssSelector("[data-testid=namespaces] tbody tr"))).isNotEmpty();
        screenshot("ui-03-cluster");
    }

    @Test
    @Order(3)
    void frameworkPagesExplainTheScoreWithTheFormula() throws IOException {
        open("/compliance");
        assertThat(driver.findElements(By.cssSelector("[data-testid=frameworks] tbody tr"))).hasSizeGreaterThan(15);
        screenshot("ui-04-frameworks");

        open("/frameworks/NSA");
        JsonNode d = api("/api/v1/frameworks/NSA");
        assertThat(text("[data-testid=framework-score]")).isEqualTo(pct(d.path("score").asDouble()));
        assertThat(text("[data-testid=formula-eq]")).contains(String.valueOf(d.path("formula").path("applicableControls").asInt()));
        List<WebElement> rows = driver.findElements(By.cssSelector("[data-testid=framework-controls] tbody tr"));
        assertThat(rows).hasSize(d.path("formula").path("applicableControls").asInt());
        assertThat(driver.findElements(By.cssSelector("[data-testid=fix-first] li"))).isNotEmpty();
        screenshot("ui-05-framework");
    }

    @Test
    @Order(4)
    void controlPageListsFailingResourcesWithPathsAndPatches() throws IOException {
        String control = topFailingControlWithFix();
        open("/controls/" + control);
        JsonNode page = api("/api/v1/findings?control=" + control + "&size=1");
        assertThat(text("[data-testid=failing-total]")).isEqualTo(String.valueOf(page.path("total").asLong()));
        assertThat(driver.findElements(By.cssSelector("[data-testid=failing-resources] .kw-path"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("[data-testid=failing-resources] pre.kw-patch"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-testid=accept-risk] button")).isEnabled()).isFalse();
        screenshot("ui-06-control");

        String kind = page.path("items").get(0).path("kind").asText();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue(kind);
        waitUntil(d -> d.getCurrentUrl().contains("kind=" + kind));
        for (WebElement obj : driver.findElements(By.cssSelector("[data-testid=failing-resources] .kw-kind"))) assertThat(obj.getText()).startsWith(kind);
    }

    @Test
    @Order(5)
    void resourcePageMarksFailedPathsAndShowsCurrentVersusFixed() throws IOException {
        String control = topFailingControlWithFix();
        JsonNode f = api("/api/v1/findings?control=" + control + "&size=1").path("items").get(0);
        String q = "?cluster=" + f.path("clusterId").asText() + "&kind=" + f.path("kind").asText() + "&namespace=" + f.path("namespace").asText()
                + "&name=" + f.path("name").asText();
        open("/resource" + q);
        JsonNode r = api("/api/v1/clusters/" + f.path("clusterId").asText() + "/resources/" + f.path("kind").asText() + "/" + f.path("name").asText()
                + "?namespace=" + f.path("namespace").asText());
        long open = 0;
        for (JsonNode x : r.path("findings")) if (x.path("status").asText().equals("open")) open++;
        assertThat(text("[data-testid=open-count]")).isEqualToIgnoringCase(open + " open");
        assertThat(driver.findElements(By.cssSelector("[data-testid=yaml] .ln.failed"))).isNotEmpty();
        screenshot("ui-07-resource");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
                driver.findElement(By.id("tab-fix")));
        waitUntil(d -> d.findElement(By.id("fix")).isDisplayed());
        assertThat(driver.findElements(By.cssSelector("[data-testid=diff] .ln.changed, [data-testid=diff] .ln.added"))).isNotEmpty();
        ((JavascriptExecutor) driver).executeScript("document.getElementById('yaml-title').scrollIntoView()");
        screenshot("ui-08-resource-fix");
    }

    @Test
    @Order(6)
    void findingsListPagesFiltersSortsGroupsAndExportsOnTheServer() throws IOException {
        open("/findings");
        assertThat(text("[data-testid=findings-total]")).isEqualTo(num(api("/api/v1/findings?size=1").path("total").asLong()));
        assertThat(driver.findElements(By.cssSelector("[data-testid=findings-table] tbody tr"))).hasSizeLessThanOrEqualTo(50);
        screenshot("ui-09-findings");

        UUID eks = clusterIds.get("prod-eu-eks");
        open("/findings?cluster=" + eks + "&severity=high&sort=-firstSeen");
        assertThat(text("[data-testid=findings-total]"))
                .isEqualTo(num(api("/api/v1/findings?cluster=" + eks + "&severity=high&size=1").path("total").asLong()));
        for (WebElement s : driver.findElements(By.cssSelector("[data-testid=findings-table] tbody .kw-sev"))) assertThat(s.getText()).isEqualTo("High");
        String export = driver.findElement(By.cssSelector("a.dropdown-item[href*='format=csv']")).getAttribute("href");
        assertThat(export).contains("/findings/export", "cluster=" + eks, "severity=high");
        String csv = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)", export);
        assertThat(csv.lines().count() - 1).isEqualTo(api("/api/v1/findings?cluster=" + eks + "&severity=high&size=1").path("total").asLong());

        open("/findings?view=grouped");
        assertThat(driver.findElements(By.cssSelector("[data-testid=groups-table] tbody tr"))).isNotEmpty();
        screenshot("ui-10-findings-grouped");
    }

    @Test
    @Order(7)
    void trendsChartScoresAndSeveritiesOverTheChosenRange() throws IOException {
        open("/trends?fw=NSA");
        waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.Chart && Chart.getChart('chart-score') && Chart.getChart('chart-severity'))")));
        Long points = (Long) ((JavascriptExecutor) driver).executeScript("return Chart.getChart('chart-score').data.labels.length");
        assertThat(points).isEqualTo(30);
        JsonNode t = api("/api/v1/trends?framework=NSA");
        int appeared = 0;
        for (JsonNode m : t.path("markers")) appeared += m.path("newFindings").asInt();
        assertThat(text("[data-testid=trend-new]")).isEqualTo("+" + num(appeared));
        screenshot("ui-11-trends");

        UUID eks = clusterIds.get("prod-eu-eks");
        String from = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(7).toString();
        open("/trends?fw=NSA&cluster=" + eks + "&from=" + from);
        waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!(window.Chart && Chart.getChart('chart-score'))")));
        assertThat((Long) ((JavascriptExecutor) driver).executeScript("return Chart.getChart('chart-score').data.labels.length")).isEqualTo(8);
    }

    @Test
    @Order(8)
    void driftComparesTheLastTwoScansByObject() throws IOException {
        UUID eks = clusterIds.get("prod-eu-eks");
        open("/drift?cluster=" + eks);
        JsonNode d = api("/api/v1/clusters/" + eks + "/drift");
        assertThat(text("[data-testid=drift-new]")).isEqualTo(d.path("counts").path("newFindings").asText());
        assertThat(text("[data-testid=drift-fixed]")).isEqualTo(d.path("counts").path("resolvedFindings").asText());
        assertThat(text("[data-testid=drift-removed]")).isEqualTo(d.path("counts").path("removed").asText());
        screenshot("ui-12-drift");
        // day 13 removed the ci-deployer-admin binding; day 10 added legacy-reporting: compare a wider window
        List<WebElement> options = driver.findElements(By.cssSelector("#from option"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("from"))).selectByIndex(options.size() - 1);
        driver.findElement(By.cssSelector("form[aria-label='Choose the scans to compare'] button[type=submit]")).click();
        waitUntil(dr -> dr.getCurrentUrl().contains("from="));
        assertThat(driver.findElements(By.cssSelector("[data-testid=drift-objects] tbody tr"))).isNotEmpty();
        screenshot("ui-13-drift-range");
    }

    @Test
    @Order(9)
    void anotherTenantsClusterIsNotFoundAndNothingLeftTheMachine() throws IOException {
        open("/clusters/" + globex.clusterId(), false);
        assertThat(driver.findElement(By.tagName("h3")).getText()).isEqualTo("Not found");
        assertThat(driver.getPageSource()).doesNotContain(globex.clusterName());
        screenshot("ui-14-not-found");
        assertThat(visited).hasSizeGreaterThan(12);
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private String topFailingControlWithFix() {
        Long id = TenantContext.callAs(acme.id(), () -> jdbc.queryForObject("""
                SELECT id FROM findings WHERE tenant_id = ? AND status = 'open' AND fix_paths <> '[]'::jsonb AND failed_paths <> '[]'::jsonb
                 AND kind = 'Deployment' ORDER BY CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END DESC, id LIMIT 1""",
                Long.class, acme.id()));
        return TenantContext.callAs(acme.id(), () -> jdbc.queryForObject("SELECT control_id FROM findings WHERE tenant_id = ? AND id = ?",
                String.class, acme.id(), id));
    }

    private void signIn(String path) {
        driver.get(base() + path);
        waitFor("#username");
        driver.findElement(By.id("username")).sendKeys(acme.user(Role.VIEWER).username());
        driver.findElement(By.id("password")).sendKeys(acme.user(Role.VIEWER).password());
        driver.findElement(By.id("sign-in")).click();
        waitFor("main");
        checkNothingLeftTheMachine();
    }

    private void open(String path) {
        open(path, true);
    }

    private void open(String path, boolean expectOk) {
        driver.get(base() + path);
        waitFor("main");
        if (expectOk) assertThat(driver.findElements(By.cssSelector(".kw-empty h3")).stream().map(WebElement::getText))
                .doesNotContain("Not found", "This link has a parameter we cannot read");
        checkNothingLeftTheMachine();
    }

    /** Every resource the page loaded (scripts, styles, fonts, fetches) came from the platform itself. */
    @SuppressWarnings("unchecked")
    private void checkNothingLeftTheMachine() {
        List<String> urls = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => e.name)");
        for (String u : urls) {
            if (u.startsWith("data:")) continue;
            assertThat(URI.create(u).getHost()).as("request from %s to %s", driver.getCurrentUrl(), u).isEqualTo("127.0.0.1");
        }
        visited.add(driver.getCurrentUrl());
    }

    private JsonNode api(String path) {
        ApiClient.Response r = new ApiClient(port).get(path, acme.token(Role.VIEWER));
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.json();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().trim();
    }

    private static void waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private static void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
    }

    /** As the pages print scores (UiFormat.pct). */
    static String pct(double v) {
        return String.format(Locale.ENGLISH, v >= 99.95 || v == Math.rint(v) ? "%.0f%%" : "%.1f%%", v);
    }

    static String num(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** A screenshot of the first screen ({@code -top}) and of the full page, 1280 px wide. */
    private static void screenshot(String name) throws IOException {
        File top = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(top.toPath(), SCREENSHOTS.resolve(name + "-top.png"), StandardCopyOption.REPLACE_EXISTING);
        Long height = (Long) ((JavascriptExecutor) driver).executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 120, 800), 6000)));
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(before);
    }
}
