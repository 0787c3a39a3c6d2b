package org.reformdesk.console.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One person's browser: Debian's headless Chromium driven by its ChromeDriver, as ARCHITECTURE.md verified them.
 * Neither missing is a failure, never a skip: CI installs both ({@code apt-get install chromium chromium-driver
 * fonts-wqy-microhei}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 360;

    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots", "target/screenshots"));

    final ChromeDriver driver;
    final String console;
    private final String person;

    private Browser(ChromeDriver driver, String console, String person) {
        this.driver = driver;
        this.console = console;
        this.person = person;
    }

    /** A fresh browser (no cookies) signed in as {@code user} through Keycloak's login page. */
    static Browser signedIn(String console, String user) {
        return signedIn(console, user, false);
    }

    /**
     * As {@link #signedIn(String, String)}, in a browser whose person allowed the console's notifications - what
     * answering 允许 to the browser's question does: notification permission granted to the console's origin only.
     */
    static Browser signedInAllowingNotifications(String console, String user) {
        return signedIn(console, user, true);
    }

    private static Browser signedIn(String console, String user, boolean notificationsAllowed) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver fonts-wqy-microhei");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--accept-lang=zh-CN,zh", "--hide-scrollbars", "--window-size=" + DESKTOP_WIDTH + ",900");
        // the console speaks the browser's language: a city official's browser asks for Chinese
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Browser browser = new Browser(driver, console, user);
        try {
            if (notificationsAllowed) {
                driver.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("origin", console,
                        "permissions", List.of("notifications")));
            }
            browser.signIn(user);
            return browser;
        } catch (RuntimeException | AssertionError e) {
            driver.quit();
            throw e;
        }
    }

    /** Opens the console, which sends an unsigned browser to Keycloak's real login page, and signs in there. */
    private void signIn(String user) {
        driver.get(console + "/");
        waitFor(By.id("kc-login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        waitFor(By.cssSelector("header.bar"));
    }

    void open(String path) {
        driver.get(console + path);
        waitFor(By.cssSelector("main"));
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    WebElement find(By what) {
        return driver.findElement(what);
    }

    List<WebElement> all(By what) {
        return driver.findElements(what);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The status a form post gets when it carries this sign-in's cookies but not its anti-forgery token - what a
     * forged cross-site form would send. Sent from here, not from the page: a page's fetch waited behind the
     * browser's open event streams to the same host.
     */
    int postWithoutAntiForgeryToken(String path, String form) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest post = HttpRequest.newBuilder(URI.create(console + path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the page as a desktop and as a 360 px wide phone sees it ({@code <name>-desktop.png},
     * {@code <name>-phone.png}), each the page's full height, and returns how far the phone's page is wider than its
     * screen (0 when nothing overflows sideways).
     */
    long screenshots(String name) {
        shoot(name + "-desktop", DESKTOP_WIDTH);
        return shoot(name + "-phone", PHONE_WIDTH);
    }

    private long shoot(String file, int width) {
        // a phone's viewport (device metrics, as DevTools' device mode sets them), then as tall as the page
        emulate(width, 800);
        pause(300); // charts redraw on resize
        long height = ((Number) script("return Math.min(5000, document.documentElement.scrollHeight)")).longValue();
        emulate(width, (int) height);
        pause(300);
        long overflow = ((Number) script("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
        try {
            Files.createDirectories(SCREENSHOTS);
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SCREENSHOTS.resolve(person + "-" + file + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
        return overflow;
    }

    private void emulate(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", width < DESKTOP_WIDTH));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
