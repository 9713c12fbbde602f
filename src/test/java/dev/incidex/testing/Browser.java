package dev.incidex.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never a downloaded browser). Tests
 * using it are tagged {@code browser}; a machine without the packages fails them with a message
 * saying what to install, rather than skipping silently.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("incidex.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("incidex.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {}

    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver,"
                    + " or skip them with -DexcludedGroups=browser");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags keep Chromium from reaching for Google's hosts on a machine with no network.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Clicks something that loads a new page and waits until the old page is gone, so the next
     * lookup cannot find (and then lose) an element of the page being left. A form may come back
     * to the same URL, so waiting on the URL would not do.
     */
    public static void navigate(ChromeDriver driver, WebElement target) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        target.click();
        waitUntilGone(driver, oldPage);
    }

    /** Submits the form of {@code field} and waits for the page it loads, as {@link #navigate} does. */
    public static void submitAndWait(ChromeDriver driver, WebElement field) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        field.submit();
        waitUntilGone(driver, oldPage);
    }

    /**
     * Waits until an element of the page being left is gone. Chromedriver reports a node of the
     * old page either as stale or, mid-navigation, as "not belonging to the document": both mean gone.
     */
    private static void waitUntilGone(ChromeDriver driver, WebElement oldPage) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Saves a screenshot under target/screenshots, the build's artifacts. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
