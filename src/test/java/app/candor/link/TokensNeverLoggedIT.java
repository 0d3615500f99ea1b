package app.candor.link;

import app.candor.support.Links;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after the whole test suite (failsafe, in the same {@code mvn -B verify}) and reads everything
 * the app logged during it (the test profile logs to {@code target/quarkus-test.log}, access log
 * included): no candidate link token may appear anywhere. Tokens carry a fixed prefix, so this finds
 * any token, not only the ones a test happened to know.
 */
class TokensNeverLoggedIT {

    static final Path LOG = Path.of("target", "quarkus-test.log");

    @Test
    void noCandidateLinkTokenAppearsInTheLogOfTheWholeTestRun() throws IOException {
        assertThat(LOG).as("the test run's log (run `mvn -B verify`)").exists();
        List<String> lines = new java.util.ArrayList<>();
        try (var files = Files.list(LOG.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("quarkus-test.log")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file)); // rotated parts too, should there be any
            }
        }
        assertThat(lines).as("the access log saw the candidate pages, so the check below is not vacuous")
                .anyMatch(line -> line.contains("access-log") && line.contains("\"GET /c/withdraw HTTP/1.1\" 200"))
                .anyMatch(line -> line.contains("access-log") && line.contains("\"POST /c/withdraw HTTP/1.1\" 303"))
                .anyMatch(line -> line.contains("access-log") && line.contains("\"GET /c/status HTTP/1.1\" 200"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNumber = i + 1;
            assertThat(Links.TOKEN.matcher(line).find())
                    .as(() -> "a candidate link token in the test log, line " + lineNumber + ": "
                            + Links.TOKEN.matcher(line).replaceAll("cnd_<redacted>"))
                    .isFalse();
        }
    }

    /** An API token's secret: the prefix and 43 base64url characters (user/ApiTokenSecret); lists log 4 of them at most. */
    static final java.util.regex.Pattern API_TOKEN = java.util.regex.Pattern.compile("(?<![A-Za-z0-9_])candor_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    @Test
    void noApiTokenAppearsInTheLogOfTheWholeTestRun() throws IOException {
        assertThat(LOG).as("the test run's log (run `mvn -B verify`)").exists();
        List<String> lines = new java.util.ArrayList<>();
        try (var files = Files.list(LOG.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("quarkus-test.log")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        assertThat(lines).as("tokens were made and used during the run, so the check below is not vacuous")
                .anyMatch(line -> line.contains("API token") && line.contains("created for"))
                .anyMatch(line -> line.contains("access-log") && line.contains("\"POST /api/tokens HTTP/1.1\" 201"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNumber = i + 1;
            assertThat(API_TOKEN.matcher(line).find())
                    .as(() -> "an API token in the test log, line " + lineNumber + ": " + API_TOKEN.matcher(line).replaceAll("candor_<redacted>"))
                    .isFalse();
        }
    }
}
