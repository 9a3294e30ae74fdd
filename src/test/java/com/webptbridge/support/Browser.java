package com.webptbridge.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
 * The console's tests' browser: Debian's headless Chromium driven by Debian's chromedriver (the
 * only driver these machines can have), pointed at one engine. Screenshots go to
 * target/console-screenshots. A test class opens one in {@code @BeforeAll} and closes it after.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String url;

    private Browser(ChromeDriver driver, String url) {
        this.driver = driver;
        // A page re-renders what it shows (a check run again replaces its table): an element found
        // a moment before may be gone when it is read, so a wait looks it up again.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.wait.ignoring(StaleElementReferenceException.class);
        this.url = url;
    }

    /** A browser on the engine at {@code url}; skips the test class where Chromium is not installed. */
    public static Browser on(String url) throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are needed"
                        + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        Files.createDirectories(SHOTS);
        return new Browser(new ChromeDriver(service, options), url);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** The console at this location hash ({@code #/worklist}). */
    public void open(String hash) {
        driver.get(url + "/" + hash);
    }

    /**
     * Logs in on the console's form. The session cookie of an earlier login is dropped first: with
     * it the console would skip the form (and a logout's DELETE may not have reached the server yet).
     */
    public void logIn(String user, String password) {
        driver.get(url + "/");
        driver.manage().deleteAllCookies();
        driver.get(url + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        driver.findElement(By.id("login-user")).sendKeys(user);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
    }

    /** The element once it is there (waiting up to 30 s for the page to render it). */
    public WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public void screenshot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
