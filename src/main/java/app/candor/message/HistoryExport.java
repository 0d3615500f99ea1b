package app.candor.message;

import app.candor.system.BusinessCalendar;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The communication history as CSV for a spreadsheet: UTF-8 with a byte-order mark, CRLF, one
 * header row, and every cell that a spreadsheet would read as a formula defused.
 */
@ApplicationScoped
public class HistoryExport {

    static final int MAX_ROWS = 50_000;
    static final String[] HEADER = {"message_id", "created_at", "sent_at", "requisition_id", "requisition", "recruiter",
            "candidate", "recipient", "kind", "channel", "state", "subject", "sent_by", "attempts", "last_error",
            "rejection_reason", "personal_note", "call_note"};

    @Inject
    BusinessCalendar calendar;

    @Inject
    RejectionReasonLabels reasonLabels;

    /** Which messages: all filters optional; dates are inclusive days in the company's time zone. */
    public record Filter(Long requisitionId, String recruiter, LocalDate from, LocalDate to) {

        /** From query or form parameters, with a 400 that names the bad one. */
        public static Filter parse(String requisitionId, String recruiter, String from, String to) {
            return new Filter(number("requisitionId", requisitionId), InputValidator.clean(recruiter), date("from", from), date("to", to));
        }

        private static Long number(String name, String value) {
            String v = InputValidator.clean(value);
            try {
                return v == null ? null : Long.valueOf(v);
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField(name, "'" + v + "' is not a number");
            }
        }

        private static LocalDate date(String name, String value) {
            String v = InputValidator.clean(value);
            try {
                return v == null ? null : LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField(name, "'" + v + "' is not a date like 2026-12-01");
            }
        }
    }

    @Transactional
    public String csv(Filter filter, User viewer) {
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ProblemException.invalidField("to", "must not be before 'from' (" + filter.from() + ")");
        }
        StringBuilder jpql = new StringBuilder("select m from Message m join fetch m.requisition r join fetch r.recruiter "
                + "join fetch m.candidate where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.requisitionId() != null) {
            jpql.append(" and r.id = :requisition");
            params.put("requisition", filter.requisitionId());
        }
        if (filter.recruiter() != null && !filter.recruiter().isBlank()) {
            jpql.append(" and r.recruiter.username = :recruiter");
            params.put("recruiter", filter.recruiter().strip());
        }
        if (filter.from() != null) {
            jpql.append(" and m.createdAt >= :from");
            params.put("from", filter.from().atStartOfDay(calendar.zone()).toInstant());
        }
        if (filter.to() != null) {
            jpql.append(" and m.createdAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant());
        }
        if (!viewer.isRecruiter()) {
            jpql.append(" and r.hiringManager = :viewer");
            params.put("viewer", viewer);
        }
        jpql.append(" order by m.createdAt, m.id");
        List<Message> messages = Message.find(jpql.toString(), params).range(0, MAX_ROWS - 1).list();
        Map<Long, String> reasons = reasonLabels.byId();

        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // so spreadsheets read UTF-8, not the local code page
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").setHeader(HEADER).get())) {
            for (Message m : messages) {
                List<String> row = new ArrayList<>();
                row.add(String.valueOf(m.id));
                row.add(time(m.createdAt));
                row.add(time(m.sentAt != null ? m.sentAt : m.callDoneAt));
                row.add(String.valueOf(m.requisition.id));
                row.add(m.requisition.title);
                row.add(m.requisition.recruiter.username);
                row.add(m.candidate.firstName + " " + m.candidate.lastName);
                row.add(m.recipient);
                row.add(m.kind.name());
                row.add(m.channel.name());
                row.add(m.state.name());
                row.add(m.subject);
                row.add(m.senderUsername);
                row.add(String.valueOf(m.attempts));
                row.add(m.lastError);
                row.add(m.rejectionReasonId == null ? null : reasons.get(m.rejectionReasonId));
                row.add(m.personalNote);
                row.add(m.callNote);
                printer.printRecord(row.stream().map(HistoryExport::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atZone(calendar.zone()).toLocalDateTime().withNano(0));
    }

    /**
     * Formula injection: a cell a spreadsheet would evaluate (=, +, -, @, or a leading tab or CR)
     * gets a leading apostrophe, so it is shown as the text it is.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
