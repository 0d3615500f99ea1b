package app.candor.support;

import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RestAssured shortcuts for the API tests, and the checks every Problem Details answer must pass. */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Api() {
    }

    /** A request signed in as {@code user} with HTTP Basic. */
    public static RequestSpecification as(User user) {
        return given().auth().preemptive().basic(user.username, TestData.PASSWORD);
    }

    /** A JSON request signed in as {@code user}. */
    public static RequestSpecification json(User user) {
        return as(user).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A CSV upload signed in as {@code user}. */
    public static RequestSpecification csv(User user) {
        return as(user).contentType("text/csv; charset=UTF-8").accept(ContentType.JSON);
    }

    /**
     * Checks that {@code response} is an RFC 9457 problem with {@code status}, whose detail names every
     * one of {@code detailMentions} and no Java class; returns its body for further checks.
     */
    public static JsonPath problem(Response response, int status, String... detailMentions) {
        String body = response.asString();
        assertEquals(status, response.statusCode(), () -> "status; body was: " + body);
        String contentType = response.contentType();
        assertTrue(contentType != null && contentType.startsWith(PROBLEM_JSON),
                () -> "content type should be " + PROBLEM_JSON + " but was " + contentType + "; body: " + body);
        JsonPath json = JsonPath.from(body);
        assertEquals(status, json.getInt("status"), "status field");
        assertNotNull(json.getString("type"), "type field");
        String title = json.getString("title");
        assertTrue(title != null && !title.isBlank(), "title field");
        String instance = json.getString("instance");
        assertTrue(instance != null && instance.startsWith("/api"), () -> "instance should be the request path: " + instance);
        String detail = json.getString("detail");
        assertTrue(detail != null && !detail.isBlank(), "detail field");
        for (String mention : detailMentions) {
            assertTrue(detail.contains(mention), () -> "detail should mention '" + mention + "': " + detail);
        }
        assertNoJavaLeak(body);
        return json;
    }

    /** No class name, package or stack trace reaches a client. */
    public static void assertNoJavaLeak(String body) {
        for (String leak : List.of("app.candor", "Exception", "java.", "jakarta.", "org.hibernate", "com.fasterxml", "\tat ")) {
            assertFalse(body.contains(leak), () -> "the answer leaks '" + leak + "': " + body);
        }
    }

    /** The {@code field} names of a validation problem's {@code errors}. */
    public static List<String> errorFields(JsonPath problem) {
        List<String> fields = problem.getList("errors.field", String.class);
        assertNotNull(fields, "errors array expected in " + problem.prettify());
        return fields.stream().filter(Objects::nonNull).toList();
    }

    /** The {@code line} numbers of a CSV problem's {@code errors}. */
    public static List<Integer> errorLines(JsonPath problem) {
        List<Integer> lines = problem.getList("errors.line", Integer.class);
        assertNotNull(lines, "errors array expected in " + problem.prettify());
        return lines.stream().filter(Objects::nonNull).toList();
    }

    /** Reads from the database in a transaction of its own, as a later request would. */
    public static <T> T db(Supplier<T> read) {
        return QuarkusTransaction.requiringNew().call(read::get);
    }

    /** {@code n} copies of {@code c}. */
    public static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }
}
