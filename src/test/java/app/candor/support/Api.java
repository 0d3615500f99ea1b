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
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(response.statusCode()).as(() -> "status; body was: " + body).isEqualTo(status);
        String contentType = response.contentType();
        assertThat(contentType).as(() -> "content type; body: " + body).startsWith(PROBLEM_JSON);
        JsonPath json = JsonPath.from(body);
        assertThat(json.getInt("status")).as("status field").isEqualTo(status);
        assertThat(json.getString("type")).as("type field").isNotNull();
        String title = json.getString("title");
        assertThat(title).as("title field").isNotBlank();
        String instance = json.getString("instance");
        assertThat(instance).as("instance should be the request path").startsWith("/api");
        String detail = json.getString("detail");
        assertThat(detail).as("detail field").isNotBlank();
        for (String mention : detailMentions) {
            assertThat(detail).as(() -> "detail should mention '" + mention + "': " + detail).contains(mention);
        }
        assertNoJavaLeak(body);
        return json;
    }

    /** No class name, package or stack trace reaches a client. */
    public static void assertNoJavaLeak(String body) {
        for (String leak : List.of("app.candor", "Exception", "java.", "jakarta.", "org.hibernate", "com.fasterxml", "\tat ")) {
            assertThat(body).as(() -> "the answer leaks '" + leak + "': " + body).doesNotContain(leak);
        }
    }

    /** The {@code field} names of a validation problem's {@code errors}. */
    public static List<String> errorFields(JsonPath problem) {
        List<String> fields = problem.getList("errors.field", String.class);
        assertThat(fields).as("errors array expected in " + problem.prettify()).isNotNull();
        return fields.stream().filter(Objects::nonNull).toList();
    }

    /** The {@code line} numbers of a CSV problem's {@code errors}. */
    public static List<Integer> errorLines(JsonPath problem) {
        List<Integer> lines = problem.getList("errors.line", Integer.class);
        assertThat(lines).as("errors array expected in " + problem.prettify()).isNotNull();
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
