package app.candor.link;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** The employer's colour reaches the candidate pages as a stylesheet of its own (their CSP allows no inline style). */
@QuarkusTest
class BrandTest {

    @Test
    void theColourIsAStylesheetAnyoneCanLoad() {
        given().get("/c/brand.css").then().statusCode(200).contentType(startsWith("text/css"))
                .body(containsString("--brand: #1f5fbf;"));
    }
}
