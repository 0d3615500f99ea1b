package app.candor.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Everything Candor itself is configured with, under the {@code candor.} prefix. */
@ConfigMapping(prefix = "candor")
public interface CandorConfig {

    /** The company name candidates see in messages and on their pages. */
    @WithDefault("Candor Demo Ltd")
    String companyName();

    /** Seed demo users and requisitions at start (embedded default only). */
    @WithDefault("false")
    boolean demoData();

    /** The zone in which "today" and business days are reckoned. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** Public holidays skipped by business-day arithmetic, as ISO dates. */
    Optional<List<LocalDate>> holidays();

    /** Languages Candor can write to candidates in; the first is the fallback. */
    @WithDefault("en,de")
    List<String> languages();

    PromiseDays promiseDays();

    CsvImport csvImport();

    FirstAdmin firstAdmin();

    /** Default promised decision date per stage, in business days after the move. */
    interface PromiseDays {
        @WithDefault("10")
        int applied();

        @WithDefault("5")
        int screening();

        @WithDefault("7")
        int interview();

        @WithDefault("10")
        int finalInterview();

        @WithDefault("3")
        int offer();
    }

    interface CsvImport {
        /** A file with more data rows than this is refused as a whole. */
        @WithDefault("2000")
        int maxRows();
    }

    /** Production seeds no demo users: the first admin is created from these when none exists. */
    interface FirstAdmin {
        Optional<String> username();

        Optional<String> password();
    }
}
