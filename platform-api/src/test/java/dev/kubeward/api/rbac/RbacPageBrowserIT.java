package dev.kubeward.api.rbac;

import dev.kubeward.api.support.HeadlessChromium;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RBAC page of a demo cluster in Chromium, signed in through the built-in provider: answers first (who-can,
 * riskiest subjects, clean-up), then the graph, which renders, filters, opens a node's details and highlights a
 * workload's path to cluster-admin. The REST API answers with provenance, as problem details on bad input, and
 * never across tenants. Screenshots: target/screenshots/rbac-*.png.
 */
@KubewardIT
@EnabledIf("browserAvailable")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RbacPageBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static WebDriver driver;
    static Path profile;
    static TestTenant acme;
    static TestTenant globex;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ClusterCredentials clusters;

    static boolean browserAvailable() {
        return HeadlessChromium.available();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("kw-chrome-rbac-");
        ChromeOptions options = HeadlessChromium.options(profile, 1500, 1300);
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = HeadlessChromium.start(options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @BeforeEach
    void demoCluster() {
        if (acme != null) return;
        TenantFixtures fixtures = new TenantFixtures(jdbc, tokens, clusters);
        acme = fixtures.tenant("rbac-acme");
        globex = fixtures.tenant("rbac-globex");
        store(acme, RbacTestData.demoCluster());
        store(globex, RbacTestData.parse(RbacTestData.OTHER));
    }

    private void store(TestTenant t, java.util.List<dev.kubeward.engine.model.KubeObject> objects) {
        TenantContext.runAs(t.id(), () -> {
            RbacTestData.objects(jdbc, t.id(), t.clusterId(), objects);
            jdbc.update("UPDATE clusters SET last_scan_id = ?, last_snapshot_at = now() WHERE tenant_id = ? AND id = ?",
                    UUID.randomUUID(), t.id(), t.clusterId());
        });
    }

    @Test
    @Order(1)
    void theApiAnswersWithProvenanceAndNeverAcrossTenants() {
        ApiClient api = new ApiClient(port);
        String q = "/api/v1/rbac/who-can?cluster=" + acme.clusterId() + "&verb=get&resource=secrets";
        var ok = api.get(q, acme.token(Role.VIEWER));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("grants").findValuesAsText("id")).contains("crb:ci-deployer-admin", "cr:cluster-admin");
        var other = api.get(q, globex.token(Role.VIEWER));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        var bad = api.get("/api/v1/rbac/graph?cluster=" + acme.clusterId() + "&risk=extreme", acme.token(Role.VIEWER));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asText()).contains("risk");
        var everywhere = api.get("/api/v1/rbac/subjects/everywhere?kind=User&name=alice", globex.token(Role.VIEWER));
        assertThat(everywhere.json().path("clusters").size()).isEqualTo(1);
        assertThat(everywhere.json().path("clusters").get(0).path("clusterId").asText()).isEqualTo(globex.clusterId().toString());
    }

    @Test
    @Order(2)
    void theGraphViewRendersFiltersAndHighlightsAPathToAdmin() throws IOException {
        String base = "http://127.0.0.1:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "/rbac?cluster=" + acme.clusterId());
        await(wait, ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(acme.user(Role.VIEWER).username());
        driver.findElement(By.id("password")).sendKeys(acme.user(Role.VIEWER).password());
        driver.findElement(By.id("sign-in")).click();
        await(wait, ExpectedConditions.visibilityOfElementLocated(By.id("rbac-graph")));
        await(wait, d -> graph().getAttribute("data-loaded") != null);
        int allNodes = Integer.parseInt(graph().getAttribute("data-nodes"));
        assertThat(allNodes).isGreaterThan(10);
        assertThat(driver.findElement(By.id("risky-table")).getText()).contains("ci-deployer", "critical");
        screenshot("rbac-01-page");

        driver.findElement(By.id("who-can-submit")).click();
        await(wait, ExpectedConditions.visibilityOfElementLocated(By.id("who-can-table")));
        assertThat(driver.findElement(By.id("who-can-table")).getText()).contains("ci-deployer-admin", "cluster-admin");
        await(wait, d -> graph().getAttribute("data-loaded") != null);
        screenshot("rbac-02-who-can");

        String before = graph().getAttribute("data-loaded");
        new Select(driver.findElement(By.id("g-ns"))).selectByValue("apps");
        await(wait, d -> !before.equals(graph().getAttribute("data-loaded")));
        int appsNodes = Integer.parseInt(graph().getAttribute("data-nodes"));
        assertThat(appsNodes).isPositive().isLessThan(allNodes);
        assertThat(driver.getCurrentUrl()).contains("gns=apps");
        scrollToGraph();
        screenshot("rbac-03-filtered-namespace");

        ((JavascriptExecutor) driver).executeScript("window.kubewardRbac.cy.getElementById('rb:apps/alice-edit').emit('tap')");
        await(wait, ExpectedConditions.textToBePresentInElementLocated(By.id("rbac-details"), "roleRef"));
        assertThat(driver.findElement(By.id("rbac-details")).getText()).contains("ClusterRole edit", "Rules");
        screenshot("rbac-04-node-details");

        new Select(driver.findElement(By.id("path-start"))).selectByValue("wl:apps/Deployment/web");
        driver.findElement(By.id("path-show")).click();
        await(wait, d -> {
            String p = graph().getAttribute("data-path");
            return p != null && !p.isEmpty();
        });
        assertThat(graph().getAttribute("data-path")).isNotEqualTo("none");
        assertThat(driver.findElement(By.id("rbac-details")).getText()).contains("Path to cluster-admin", "web-pod-creator", "R15");
        Long highlighted = (Long) ((JavascriptExecutor) driver).executeScript("return window.kubewardRbac.cy.elements('.path').length");
        assertThat(highlighted).isGreaterThan(5);
        sleep(500); // the fit animation
        screenshot("rbac-05-path-to-admin");
    }

    @Test
    @Order(3)
    void theWholeClusterCollapsesIntoAggregatesUnderASmallBudgetAndExpandsOnClick() throws IOException {
        String base = "http://127.0.0.1:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "/rbac?cluster=" + acme.clusterId() + "&ghide=false&gbudget=60");
        await(wait, d -> graph().getAttribute("data-loaded") != null);
        assertThat(driver.findElement(By.id("graph-stats")).getText()).contains("collapsed");
        scrollToGraph();
        screenshot("rbac-06-aggregated");
        String aggregate = (String) ((JavascriptExecutor) driver).executeScript(
                "return window.kubewardRbac.cy.nodes('[kind = \"Aggregate\"]')[0].id()");
        ((JavascriptExecutor) driver).executeScript("window.kubewardRbac.cy.getElementById(arguments[0]).emit('tap')", aggregate);
        await(wait, ExpectedConditions.textToBePresentInElementLocated(By.id("graph-stats"), "Expanded"));
        screenshot("rbac-07-expanded");
    }

    /** Waits; on a timeout keeps a screenshot and the browser's console for the report. */
    private static <T> T await(WebDriverWait wait, java.util.function.Function<WebDriver, T> condition) throws IOException {
        try {
            return wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("rbac-failure");
            StringBuilder console = new StringBuilder();
            try {
                driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).forEach(l -> console.append(l).append('\n'));
            } catch (RuntimeException ignored) {
                // the driver may not keep logs
            }
            throw new AssertionError("timed out on " + driver.getCurrentUrl() + "; console:\n" + console
                    + "\nstats: " + driver.findElements(By.id("graph-stats")).stream().map(org.openqa.selenium.WebElement::getText).toList(), e);
        }
    }

    @Test
    @Order(4)
    void aClusterWithFiveThousandRolesAndBindingsStaysWithinTheBudget() throws IOException {
        TenantFixtures fixtures = new TenantFixtures(jdbc, tokens, clusters);
        TestTenant large = fixtures.tenant("rbac-large");
        store(large, RbacBenchmark.cluster(2500, 2000));
        String base = "http://127.0.0.1:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.manage().deleteAllCookies();
        driver.get(base + "/rbac?cluster=" + large.clusterId() + "&grisk=high");
        await(wait, ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(large.user(Role.VIEWER).username());
        driver.findElement(By.id("password")).sendKeys(large.user(Role.VIEWER).password());
        long start = System.nanoTime();
        driver.findElement(By.id("sign-in")).click();
        await(wait, d -> graph().getAttribute("data-loaded") != null);
        // NB: includes the sign-in redirects, the first (uncached) build of the cluster's RBAC state and the page render
        System.out.printf("large cluster: page and graph ready %d ms after sign-in%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(Integer.parseInt(graph().getAttribute("data-nodes"))).isLessThanOrEqualTo(GraphQuery.DEFAULT_BUDGET);
        assertThat(driver.findElement(By.id("graph-stats")).getText()).contains("collapsed");
        scrollToGraph();
        screenshot("rbac-08-large-cluster");
    }

    private static org.openqa.selenium.WebElement graph() {
        return driver.findElement(By.id("rbac-graph"));
    }

    private static void scrollToGraph() {
        ((JavascriptExecutor) driver).executeScript("document.getElementById('graph-title').scrollIntoView()");
        sleep(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
