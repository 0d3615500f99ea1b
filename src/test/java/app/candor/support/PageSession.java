package app.candor.support;

import app.candor.user.User;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in browser session without a browser: the form-login cookie plus the CSRF cookie and
 * token that every page form carries. For page tests that need status codes a browser hides.
 */
public final class PageSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private String csrfToken;

    private PageSession() {
    }

    public static PageSession signIn(User user) {
        return signIn(user.username, TestData.PASSWORD);
    }

    public static PageSession signIn(String username, String password) {
        PageSession session = new PageSession();
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
        String cookie = login.getCookie("candor-session");
        assertThat(cookie)
                .as(() -> "no session cookie after signing in as " + username + ": " + login.statusCode())
                .isNotNull();
        session.cookies.put("candor-session", cookie);
        String ticket = login.getCookie("candor-sid");
        assertThat(ticket).as(() -> "no session ticket after signing in as " + username).isNotNull();
        session.cookies.put("candor-sid", ticket);
        return session;
    }

    /**
     * A candidate's browser without a browser: no sign-in, the CSRF cookie and token of the pages it
     * reads, and a client address of its own (X-Forwarded-For; the test profile trusts it), so that
     * the link guard's count of failures from one address never spills from one test into another.
     */
    public static PageSession candidate() {
        PageSession session = new PageSession();
        int n = ADDRESSES.incrementAndGet();
        session.headers.put("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
        return session;
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    /** A cookie this session holds (the login cookie, the session ticket...). */
    public String cookie(String name) {
        return cookies.get(name);
    }

    /** The client address this session speaks for (candidate sessions only). */
    public String address() {
        return headers.get("X-Forwarded-For");
    }

    public static RequestSpecification anonymous() {
        return given().redirects().follow(false);
    }

    /** A request carrying the session (and CSRF cookie, once a page was read); redirects are not followed. */
    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies).headers(headers);
    }

    /**
     * Candidate sessions keep the one-time flash cookie a redirect sets, and drop it once a page has
     * shown it, as a browser does; staff sessions leave the flash to the test.
     */
    private Response keepFlash(Response response) {
        if (!headers.containsKey("X-Forwarded-For")) {
            return response;
        }
        var flash = response.getDetailedCookie("candor-flash");
        if (flash != null) {
            if (flash.getValue() == null || flash.getValue().isEmpty()) {
                cookies.remove("candor-flash");
            } else {
                cookies.put("candor-flash", flash.getValue());
            }
        }
        return response;
    }

    /** GETs a page and keeps its CSRF cookie and token for the next form post. */
    public Response get(String path) {
        Response page = keepFlash(request().when().get(path));
        // candor-csrf; __Host-candor-csrf in production (ProductionConfigIT)
        page.getCookies().forEach((name, value) -> {
            if (name.endsWith("candor-csrf")) {
                cookies.put(name, value);
            }
        });
        Matcher m = CSRF_FIELD.matcher(page.asString());
        if (m.find()) {
            csrfToken = m.group(1);
        }
        return page;
    }

    /** The CSRF token of the last page read, for a test that writes its own form bodies. */
    public String csrfToken() {
        return csrfToken;
    }

    /** The cookies of this session (sign-in, CSRF), for a test that sends its own requests. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** The headers this session sends (a candidate's client address). */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** POSTs a form with the CSRF token of the last page read (read one first). */
    public Response post(String path, Map<String, ?> fields) {
        assertThat(csrfToken).as("read a page with a form before posting").isNotNull();
        return keepFlash(request().contentType(ContentType.URLENC).formParams(fields).formParam("csrf-token", csrfToken)
                .when().post(path));
    }

    /** POSTs a form without any CSRF token, as a forged cross-site form would. */
    public Response postWithoutToken(String path, Map<String, ?> fields) {
        return request().contentType(ContentType.URLENC).formParams(fields).when().post(path);
    }
}
