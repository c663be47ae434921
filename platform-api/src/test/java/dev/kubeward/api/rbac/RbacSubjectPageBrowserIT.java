package dev.kubeward.api.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.HeadlessChromium;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import dev.kubeward.engine.model.KubeObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offboarding page in Chromium: alice's access in both clusters of her tenant, with the numbers the API gives,
 * nothing of the other tenant's cluster where an alice also exists, and a clear error for an incomplete question.
 */
@KubewardIT
@EnabledIf("browserAvailable")
class RbacSubjectPageBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;

    static boolean browserAvailable() {
        return HeadlessChromium.available();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = HeadlessChromium.start(HeadlessChromium.options(Files.createTempDirectory("kw-chrome-subject-"), 1280, 1100));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void aSubjectsAccessInEveryClusterOfItsTenantWithTheApisNumbers() throws IOException {
        TenantFixtures fixtures = new TenantFixtures(jdbc, tokens, clusters);
        TestTenant acme = fixtures.tenant("subject-acme");
        TestTenant globex = fixtures.tenant("subject-globex");
        UUID second = TenantContext.callAs(acme.id(), () -> clusters.register("subject-acme-dr", "gke")).clusterId();
        store(acme.id(), acme.clusterId(), RbacTestData.demoCluster());
        store(acme.id(), second, RbacTestData.parse(RbacTestData.OTHER));
        store(globex.id(), globex.clusterId(), RbacTestData.parse(RbacTestData.OTHER));

        JsonNode api = new ApiClient(port).get("/api/v1/rbac/subjects/everywhere?kind=User&name=alice", acme.token(Role.VIEWER)).json();
        assertThat(api.path("clusters")).hasSize(2);

        String base = "http://127.0.0.1:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "/rbac?cluster=" + acme.clusterId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(acme.user(Role.VIEWER).username());
        driver.findElement(By.id("password")).sendKeys(acme.user(Role.VIEWER).password());
        driver.findElement(By.id("sign-in")).click();
        // from the riskiest subjects of the RBAC page to that subject's access everywhere
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#risky-table a[href*='/rbac/subject']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subject-summary")));
        assertThat(driver.findElement(By.id("subject-summary")).getText()).contains("can become cluster-admin");
        driver.get(base + "/rbac/subject?kind=User&name=alice");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subject-summary")));

        List<WebElement> sections = driver.findElements(By.cssSelector("section[data-cluster]"));
        assertThat(sections).hasSize(2);
        int withAccess = 0;
        for (JsonNode c : api.path("clusters")) {
            WebElement section = driver.findElement(By.cssSelector("section[data-cluster='" + c.path("clusterName").asText() + "']"));
            assertThat(section.findElement(By.cssSelector("[data-testid=grant-count]")).getText()).isEqualTo(c.path("total").asInt() + " grant(s)");
            assertThat(section.findElements(By.cssSelector("tbody tr"))).hasSize(c.path("grants").size());
            if (c.path("total").asInt() > 0) withAccess++;
            for (JsonNode g : c.path("grants")) assertThat(section.getText()).contains(g.path("binding").path("name").asText());
        }
        assertThat(withAccess).isEqualTo(2);
        assertThat(driver.findElement(By.cssSelector("[data-testid=clusters-with-access]")).getText()).isEqualTo("2");
        assertThat(driver.getPageSource()).doesNotContain(globex.clusterId().toString());
        screenshot("rbac-06-subject-everywhere");
        Object overflowing = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const w = document.documentElement.clientWidth; const out = [];
                document.querySelectorAll('body *').forEach(e => { const r = e.getBoundingClientRect();
                  if (r.right > w + 1) out.push(e.tagName + '#' + e.id + '.' + e.className); });
                return out.slice(0, 5).join(' | ');""");
        assertThat(overflowing).as("elements wider than the window at 1280 px").isEqualTo("");

        // the service account that can become cluster-admin: one hop, in the demo cluster only
        new Select(driver.findElement(By.id("s-kind"))).selectByValue("ServiceAccount");
        driver.findElement(By.id("s-name")).clear();
        driver.findElement(By.id("s-name")).sendKeys("ci-deployer");
        driver.findElement(By.id("subject-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subject-error")));
        assertThat(driver.findElement(By.id("subject-error")).getText()).contains("namespace is required");

        JsonNode ci = new ApiClient(port).get("/api/v1/rbac/subjects/everywhere?kind=ServiceAccount&name=ci-deployer&namespace=kube-system",
                acme.token(Role.VIEWER)).json();
        long toAdmin = 0;
        for (JsonNode c : ci.path("clusters")) if (!c.path("hopsToAdmin").isNull()) toAdmin++;
        assertThat(toAdmin).isPositive();
        driver.findElement(By.id("s-ns")).sendKeys("kube-system");
        driver.findElement(By.id("subject-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subject-summary")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=clusters-to-admin]")).getText()).isEqualTo(String.valueOf(toAdmin));
        assertThat(driver.findElement(By.id("subject-summary")).getText()).contains("ServiceAccount kube-system/ci-deployer");
        screenshot("rbac-07-subject-to-admin");
    }

    private void store(UUID tenant, UUID cluster, List<KubeObject> objects) {
        TenantContext.runAs(tenant, () -> {
            RbacTestData.objects(jdbc, tenant, cluster, objects);
            jdbc.update("UPDATE clusters SET last_scan_id = ?, last_snapshot_at = now() WHERE tenant_id = ? AND id = ?",
                    UUID.randomUUID(), tenant, cluster);
        });
    }

    private static void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
