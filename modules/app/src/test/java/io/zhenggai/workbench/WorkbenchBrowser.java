package io.zhenggai.workbench;

import io.zhenggai.app.support.DocsFolder;
import io.zhenggai.app.support.GeneratedDocs;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver ({@code apt-get install chromium
 * chromium-driver fonts-wqy-microhei}). Without them a browser test fails with a message saying so — it never skips.
 */
final class WorkbenchBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final String base;

    WorkbenchBrowser(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver fonts-wqy-microhei");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(new Dimension(1400, 1000));
        this.base = "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Logs in through the login page and waits for the home page. */
    void login(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".shell-user-name")));
    }

    WebElement find(By by) {
        return await().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Saves a screenshot to target/screenshots/, and to docs/screenshots/ with -Dzhenggai.docs.write=true. */
    byte[] screenshot(String name) throws IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        if (GeneratedDocs.writing()) {
            Files.write(DocsFolder.resolve("screenshots").resolve(name), png);
        }
        return png;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
