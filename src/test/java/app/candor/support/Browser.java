package app.candor.support;

import io.quarkus.logging.Log;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A real headless Chromium from Debian (chromium, chromium-driver), driven by Selenium. Nothing is
 * downloaded: the browser and driver paths are given. Without them the test is skipped locally and
 * fails on CI, where .ci/run installs them.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("candor.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("candor.chromedriver", "/usr/bin/chromedriver");

    public final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.profile = profile;
    }

    public static Browser open(String baseUrl) throws IOException {
        return open(baseUrl, 1280, 1000, true);
    }

    /** A phone-sized window (390 px wide, as an iPhone 12 to 15), to check that pages work there. */
    public static Browser phone(String baseUrl) throws IOException {
        return open(baseUrl, 390, 844, true);
    }

    /** A browser with JavaScript switched off: every page and action must work without it. */
    public static Browser withoutJavaScript(String baseUrl) throws IOException {
        return open(baseUrl, 1280, 1000, false);
    }

    public static Browser open(String baseUrl, int width, int height, boolean javaScript) throws IOException {
        boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("Chromium and chromedriver are missing; .ci/run should have installed them");
        }
        Assumptions.assumeTrue(available, "skipped: no " + CHROMIUM + " / " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory("candor-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The flags that keep Chromium from reaching for the network this machine does not have.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        if (!javaScript) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        if (width < 500) {
            // Chromium keeps a window at least about 500 px wide; a phone's viewport is emulated instead.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
        return new Browser(driver, baseUrl, profile);
    }

    public void go(String path) {
        driver.get(base + path);
    }

    /** Opens an absolute URL as it came, e.g. a link taken out of a mail. */
    public void open(java.net.URI url) {
        driver.get(url.toString());
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public void signIn(String username, String password) {
        go("/login");
        field("j_username").sendKeys(username);
        field("j_password").sendKeys(password);
        submit("main form button[type=submit]");
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    public void submit(String css) {
        click(find(css));
    }

    public void click(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> isGone(page));
        // The old page is gone once the new one starts to load; read nothing until it has finished.
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether an element of the previous page is gone. While the next page replaces it, Chromium sometimes
     * answers "Node with given id does not belong to the document" instead of a stale-element error
     * (ExpectedConditions.stalenessOf lets that through and the test fails at random).
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public WebElement field(String name) {
        return driver.findElement(By.name(name));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /**
     * Opens a form of the application page's action bar ({@code move}, {@code outcome}, ...) as a person does: a click
     * on its button, then waiting until the form {@code formId} is there (htmx swaps it in without a page load).
     */
    public void openAction(String action, String formId) {
        find("#action-" + action).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id(formId)).isEmpty());
    }

    /** The width of the page's viewport in CSS pixels (390 for {@link #phone}). */
    public long viewportWidth() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.innerWidth")).longValue();
    }

    /**
     * What sticks out of the window on the right, innermost first ("input#f-file 512px"): empty when the page does not
     * scroll sideways, which a phone-sized page must not do.
     */
    @SuppressWarnings("unchecked")
    public java.util.List<String> sticksOut() {
        return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "if (document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1) { return []; }"
                        + "const w = document.documentElement.clientWidth;"
                        + "return Array.from(document.querySelectorAll('body *'))"
                        + ".filter(e => e.getBoundingClientRect().right > w + 1 && !Array.from(e.children).some(c => c.getBoundingClientRect().right > w + 1))"
                        + ".slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '')"
                        + " + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');");
    }

    /** Whether the page scrolls sideways (wider than the window). */
    public boolean scrollsSideways() {
        return !sticksOut().isEmpty();
    }

    /** The id of the element that has the keyboard focus ("" for none). */
    public String focusedId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    /**
     * axe-core's serious, critical and moderate findings on the page as it is, one line each ("rule: what, where"), for
     * an assertion that there are none. The script comes from the test classpath (axe.min.js), never from the network.
     */
    public java.util.List<String> accessibilityProblems() {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript(AxeScript.SOURCE);
        Object result = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations"
                        + ".filter(v => ['moderate', 'serious', 'critical'].includes(v.impact))"
                        + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        @SuppressWarnings("unchecked")
        java.util.List<String> problems = (java.util.List<String>) result;
        return problems;
    }

    /** axe-core's script, read once from the test classpath. */
    private static final class AxeScript {
        static final String SOURCE = read();

        private static String read() {
            try (var in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
                }
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Saves a screenshot under target/screenshots, for looking at what a person would see. */
    public void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Log.warnf("Could not save screenshot %s: %s", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            Log.debug("Could not remove the browser profile", e);
        }
    }
}
