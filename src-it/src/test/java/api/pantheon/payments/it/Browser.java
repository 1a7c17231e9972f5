package api.pantheon.payments.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver: nothing is downloaded. Elements are
 * found by their {@code data-test} hooks only, so a change of layout breaks no test.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The console's browser tests need Debian's packages chromium and chromium-driver"
                    + " (" + CHROMIUM + ", " + CHROMEDRIVER + "); ./test.sh installs them when it can.");
        }
        try {
            profile = Files.createTempDirectory("console-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(String consolePath) {
        driver.get(Api.BASE + "console/" + consolePath);
    }

    WebElement the(String hook) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(hooked(hook)));
    }

    List<WebElement> all(String hook) {
        return driver.findElements(hooked(hook));
    }

    /** Hooks whose name starts so (every {@code action-…}), present or hidden. */
    List<WebElement> allStartingWith(String prefix) {
        return driver.findElements(By.cssSelector("[data-test^='" + prefix + "']"));
    }

    void type(String hook, String text) {
        WebElement field = the(hook);
        field.clear();
        field.sendKeys(text);
    }

    void click(String hook) {
        the(hook).click();
    }

    /** Waits for a hook to show text containing {@code expected}; answers its text. */
    String textOf(String hook, String expected) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(hooked(hook), expected));
        return the(hook).getText();
    }

    void logIn(String username, String password) {
        open("login.xhtml");
        type("login-username", username);
        type("login-password", password);
        click("login-submit");
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    void reload() {
        driver.navigate().refresh();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private static By hooked(String hook) {
        return By.cssSelector("[data-test='" + hook + "']");
    }

    /** The page as the test saw it last, for the report of a failed test. */
    void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(target.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot for " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
