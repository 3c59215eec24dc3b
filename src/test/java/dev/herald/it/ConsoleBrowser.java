package dev.herald.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Herald console in Debian's headless Chromium, driven through its chromedriver (both installed by
 * install-chromium.sh; Selenium Manager never downloads a browser: both paths are given). Signs in by putting a
 * token where the console keeps it, the tab's sessionStorage.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String TOKEN_KEY = "herald.console.token";
    private static final int MAX_SHOT_HEIGHT = 4000;
    /** What the window has above and below the page in headless mode (the viewport is this much smaller). */
    private static final int CHROME_HEIGHT = 150;

    private final ChromeDriver driver;
    private final String base = "http://127.0.0.1:" + Integer.getInteger("it.http.port") + "/console/";

    ConsoleBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("herald.it.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("herald.it.chromium", "/usr/bin/chromium"));
        // --no-sandbox: the build runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=en-US", "--no-first-run", "--disable-extensions");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
    }

    WebDriver driver() {
        return driver;
    }

    /** The console page at this hash route, signed in with the token (or signed out when it is null). */
    ConsoleBrowser open(String route, String token) {
        driver.get("about:blank"); // a fresh document: nothing of the previous test stays on the page
        driver.get(base + "#/signin");
        js("sessionStorage.clear();" + (token == null ? "" : "sessionStorage.setItem(arguments[0], arguments[1]);"),
                TOKEN_KEY, token);
        return go(route);
    }

    /** Another route in the same tab, as following a link does. */
    ConsoleBrowser go(String route) {
        js("location.hash = arguments[0];", route.startsWith("#") ? route : "#" + route);
        return this;
    }

    /** A second tab: its own sessionStorage, so it signs in again; returns the handle of the tab it came from. */
    String newTab(String route, String token) {
        String previous = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        open(route, token);
        return previous;
    }

    void switchTo(String handle) {
        driver.switchTo().window(handle);
    }

    WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the element shows text containing the fragment; returns its whole text. */
    String textContaining(String css, String fragment) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), fragment));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** A PNG of the whole page as it is now (the window grown to its height), under target/screenshots/NAME.png. */
    void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(window.getWidth(),
                    (int) Math.min(MAX_SHOT_HEIGHT, Math.max(window.getHeight(), height + CHROME_HEIGHT))));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** Only the current tab stays open, ready for the next test. */
    void closeOtherTabs() {
        String keep = driver.getWindowHandles().iterator().next();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(keep)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(keep);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
