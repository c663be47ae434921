package dev.kubeward.api.security;

import dev.kubeward.api.support.HeadlessChromium;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.api.support.TenantFixtures.TestUser;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs in through the real OIDC flow of the built-in provider in Chromium: / → sign-in → provider form →
 * authorization code with PKCE → token exchange → first-sign-in provisioning from an invitation → lands on /.
 * Screenshots go to target/screenshots/. Then the sign-in form's rate limit.
 */
@KubewardIT
@EnabledIf("browserAvailable")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuiltinSignInBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static WebDriver driver;
    static Path profile;

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
        profile = Files.createTempDirectory("kw-chrome-");
        ChromeOptions options = HeadlessChromium.options(profile, 1280, 900);
        driver = HeadlessChromium.start(options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    @Order(1)
    void invitedUserSignsInThroughTheBuiltInProviderAndLandsOnTheOverview() throws IOException {
        TenantFixtures fixtures = new TenantFixtures(jdbc, tokens, clusters);
        TestTenant tenant = fixtures.tenant("browser");
        TestUser invited = fixtures.invitedAccount(tenant.id(), "browser-" + tenant.slug(), dev.kubeward.api.security.Role.ANALYST);
        String base = "http://127.0.0.1:" + port;

        driver.get(base + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/login");
        screenshot("01-provider-sign-in");
        driver.findElement(By.id("username")).sendKeys(invited.username());
        driver.findElement(By.id("password")).sendKeys(invited.password());
        driver.findElement(By.id("sign-in")).click();

        // "/" is the overview dashboard (or the placeholder auth/home before it exists); both use the shared layout
        wait.until(ExpectedConditions.urlMatches(java.util.regex.Pattern.quote(base + "/") + "(\\?continue)?$"));
        screenshot("02-landed");
        assertThat(driver.findElements(By.cssSelector("[data-testid=current-tenant]"))).as("landing page %s: %s", driver.getCurrentUrl(),
                driver.findElement(By.tagName("body")).getText()).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-testid=current-tenant]")).getText()).isEqualTo("Tenant " + tenant.slug());
        driver.findElement(By.id("kw-user")).click();
        assertThat(driver.getPageSource()).contains("analyst");
        // provisioned from the invitation, and audited
        Long members = TenantContext.callAs(tenant.id(), () -> jdbc.queryForObject(
                "SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ? AND u.email = ? AND m.role = 'analyst'",
                Long.class, tenant.id(), invited.email()));
        assertThat(members).isEqualTo(1);
        Long joined = TenantContext.callAs(tenant.id(), () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_log WHERE tenant_id = ? AND action = 'user.joined' AND actor = ?", Long.class, tenant.id(), invited.email()));
        assertThat(joined).isEqualTo(1);
        // an analyst does not get the admin pages
        driver.get(base + "/settings/tokens");
        screenshot("03-analyst-settings-tokens");
        assertThat(driver.getPageSource()).doesNotContain("Create token");
    }

    @Test
    @Order(2)
    void adminSeesSettingsPagesAfterSignIn() throws IOException {
        TestTenant tenant = new TenantFixtures(jdbc, tokens, clusters).tenant("browser-admin");
        TestUser admin = tenant.user(dev.kubeward.api.security.Role.ADMIN);
        String base = "http://127.0.0.1:" + port;
        driver.manage().deleteAllCookies();
        driver.get(base + "/settings/clusters");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(admin.username());
        driver.findElement(By.id("password")).sendKeys(admin.password());
        driver.findElement(By.id("sign-in")).click();
        // the UI's saved request survives the provider's own sign-in (separate session keys)
        wait.until(ExpectedConditions.urlMatches(java.util.regex.Pattern.quote(base + "/settings/clusters") + "(\\?continue)?$"));
        driver.findElement(By.name("name")).sendKeys("browser-registered");
        driver.findElement(By.cssSelector("form[action$='/settings/clusters'] button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("install-command")));
        assertThat(driver.findElement(By.id("install-command")).getText()).contains("helm install kubeward-agent");
        screenshot("04-admin-cluster-registered");
        driver.get(base + "/settings/audit");
        screenshot("05-admin-audit");
        assertThat(driver.getPageSource()).contains("cluster.registered");
    }

    @Test
    @Order(3)
    void signInFormIsRateLimited() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        int last = 0;
        String retryAfter = null;
        for (int i = 0; i < 30 && last != 429; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=wrong")).build(), HttpResponse.BodyHandlers.ofString());
            last = r.statusCode();
            retryAfter = r.headers().firstValue("Retry-After").orElse(null);
        }
        assertThat(last).isEqualTo(429);
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isPositive();
    }

    @Test
    @Order(4)
    void pagesCarrySecureHeaders() {
        ApiClient.Response r = new ApiClient(port).get("/auth/sign-in?error", null);
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        ApiClient.Response api = new ApiClient(port).get("/api/v1/users", null);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().path("status").asInt()).isEqualTo(401);
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
