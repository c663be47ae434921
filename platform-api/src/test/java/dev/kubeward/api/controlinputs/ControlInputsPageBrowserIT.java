package dev.kubeward.api.controlinputs;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.HeadlessChromium;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.ControlInputOverrides;
import dev.kubeward.db.token.ApiTokens;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin edits a control input in Settings (CSRF form, real sign-in) and resets it; what is stored is what scans read. */
@KubewardIT
@EnabledIf("browserAvailable")
class ControlInputsPageBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;
    @Autowired ControlInputOverrides overrides;

    static boolean browserAvailable() {
        return HeadlessChromium.available();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = HeadlessChromium.start(HeadlessChromium.options(Files.createTempDirectory("kw-chrome-inputs-"), 1280, 1000));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void anAdminChangesAnInputAndResetsIt() throws IOException {
        TestTenant acme = new TenantFixtures(jdbc, tokens, clusters).tenant("inputs-page");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get("http://127.0.0.1:" + port + "/settings");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(acme.user(Role.ADMIN).username());
        driver.findElement(By.id("password")).sendKeys(acme.user(Role.ADMIN).password());
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("settings-control-inputs"))).click();

        WebElement caps = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("v-insecureCapabilities")));
        assertThat(caps.getAttribute("value")).contains("NET_ADMIN", "SYS_ADMIN");
        caps.clear();
        caps.sendKeys("CHOWN\nNET_ADMIN\n");
        driver.findElement(By.id("save-insecureCapabilities")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inputs-message")));
        assertThat(overrides.of(acme.id())).isEqualTo(Map.of("insecureCapabilities", List.of("CHOWN", "NET_ADMIN")));
        WebElement section = driver.findElement(By.cssSelector("[data-input=insecureCapabilities]"));
        assertThat(section.findElements(By.cssSelector("[data-testid=overridden]"))).hasSize(1);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", section);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("settings-control-inputs.png"), StandardCopyOption.REPLACE_EXISTING);

        driver.findElement(By.id("reset-insecureCapabilities")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inputs-message"), "default"));
        assertThat(overrides.of(acme.id())).isEmpty();
    }
}
