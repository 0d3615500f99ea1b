package app.candor.application;

import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.CandidateService;
import app.candor.candidate.Channel;
import app.candor.requisition.Requisition;
import app.candor.system.CandorConfig;
import app.candor.system.Problem;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bulk add: a CSV of candidates into a requisition. Every row is checked first; one bad row refuses
 * the whole file, with every problem reported by line number, and nothing is written.
 * Columns (header required, any order, case and spaces ignored): first_name, last_name, email,
 * and optionally phone, preferred_channel, salutation, first_name_terms, language.
 */
@ApplicationScoped
public class CsvImport {

    static final List<String> REQUIRED = List.of("firstname", "lastname", "email");
    static final List<String> OPTIONAL = List.of("phone", "preferredchannel", "salutation", "firstnameterms", "language");

    @Inject
    ApplicationService applications;

    @Inject
    CandidateService candidates;

    @Inject
    CandorConfig config;

    public record Result(int imported, int newCandidates, int existingCandidates, List<Long> applicationIds) {
    }

    private record Row(int line, CandidateInput input) {
    }

    @Transactional
    public Result importCsv(long requisitionId, String csv, User actor) {
        Requisition requisition = applications.openRequisition(requisitionId, actor);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = parse(csv == null ? "" : csv, errors);
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            try {
                candidates.validate(row.input());
            } catch (ProblemException e) {
                errors.add(Problem.FieldError.line(row.line(), e.getMessage()));
                continue;
            }
            String email = Candidate.normaliseEmail(row.input().email());
            Integer earlier = seen.putIfAbsent(email, row.line());
            if (earlier != null) {
                errors.add(Problem.FieldError.line(row.line(), email + " appears already on line " + earlier));
            } else {
                Candidate.findByEmail(email).filter(c -> Application.exists(requisition, c)).ifPresent(c ->
                        errors.add(Problem.FieldError.line(row.line(), email + " is already a candidate in this requisition")));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::line));
            throw ProblemException.invalid(errors.size() + (errors.size() == 1 ? " problem" : " problems")
                    + " in the file; nothing was imported. " + errors.get(0).describe()
                    + (errors.size() > 1 ? " (and more)" : ""), errors);
        }
        int created = 0;
        List<Long> ids = new ArrayList<>();
        for (Row row : rows) {
            CandidateService.FoundOrCreated found = candidates.findOrCreate(row.input());
            if (found.created()) {
                created++;
            }
            ids.add(applications.create(requisition, found.candidate(), "Imported from CSV", null, actor).id);
        }
        Log.infof("CSV import into requisition %d by %s: %d applications", requisitionId, actor.username, ids.size());
        return new Result(ids.size(), created, ids.size() - created, ids);
    }

    private List<Row> parse(String csv, List<Problem.FieldError> errors) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv; // spreadsheets like to add a BOM
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.contains(";") && !firstLine.contains(",") ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = null;
            long linesBefore = 0;
            for (CSVRecord record : parser) {
                int line = (int) linesBefore + 1;
                linesBefore = parser.getCurrentLineNumber();
                if (columns == null) {
                    columns = header(record, line, errors);
                    if (columns == null) {
                        return rows;
                    }
                    continue;
                }
                if (rows.size() >= config.csvImport().maxRows()) {
                    errors.add(Problem.FieldError.line(line, "the file has more than " + config.csvImport().maxRows()
                            + " rows; split it into smaller files"));
                    return rows;
                }
                rows.add(new Row(line, toInput(record, columns, line, errors)));
            }
            if (columns == null) {
                errors.add(Problem.FieldError.line(1, "the file is empty; expected a header line with first_name, last_name, email"));
            } else if (rows.isEmpty()) {
                errors.add(Problem.FieldError.line(1, "the file has a header but no candidate rows"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            // commons-csv reports malformed quoting this way.
            errors.add(Problem.FieldError.line((int) Math.max(1, rows.size() + 2), "the file is not valid CSV (check the quotes)"));
        }
        return rows;
    }

    private static Map<String, Integer> header(CSVRecord record, int line, List<Problem.FieldError> errors) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String key = record.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (!REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
                errors.add(Problem.FieldError.line(line, "unknown column '" + record.get(i) + "'; known columns are "
                        + "first_name, last_name, email, phone, preferred_channel, salutation, first_name_terms, language"));
                return null;
            }
            if (columns.put(key, i) != null) {
                errors.add(Problem.FieldError.line(line, "column '" + record.get(i) + "' appears twice"));
                return null;
            }
        }
        Set<String> missing = new HashSet<>(REQUIRED);
        missing.removeAll(columns.keySet());
        if (!missing.isEmpty()) {
            errors.add(Problem.FieldError.line(line, "the header must name first_name, last_name and email"));
            return null;
        }
        return columns;
    }

    private static CandidateInput toInput(CSVRecord record, Map<String, Integer> columns, int line, List<Problem.FieldError> errors) {
        Map<String, String> v = new HashMap<>();
        columns.forEach((key, index) -> v.put(key, index < record.size() ? record.get(index) : null));
        Channel channel = null;
        String channelText = v.get("preferredchannel");
        if (channelText != null && !channelText.isBlank()) {
            try {
                channel = Channel.valueOf(channelText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(Problem.FieldError.line(line, "preferred_channel: '" + channelText + "' is not one of EMAIL, PHONE"));
            }
        }
        Boolean terms = null;
        String termsText = v.get("firstnameterms");
        if (termsText != null && !termsText.isBlank()) {
            switch (termsText.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> terms = true;
                case "false", "no", "n", "0" -> terms = false;
                default -> errors.add(Problem.FieldError.line(line, "first_name_terms: '" + termsText + "' is not yes or no"));
            }
        }
        return new CandidateInput(v.get("salutation"), v.get("firstname"), v.get("lastname"), terms, v.get("email"),
                v.get("phone"), channel, v.get("language"));
    }
}
