package app.candor.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Everything Candor itself is configured with, under the {@code candor.} prefix. */
@ConfigMapping(prefix = "candor")
public interface CandorConfig {

    /** The company name candidates see in messages and on their pages. */
    @WithDefault("Candor Demo Ltd")
    String companyName();

    /**
     * The employer's logo on the candidate pages: a path Candor serves (e.g. /static/logo.svg), since the pages'
     * Content-Security-Policy allows images from Candor only. None: the name alone.
     */
    Optional<String> companyLogo();

    /** The employer's colour on the candidate pages (header and buttons), as #rrggbb. */
    @WithDefault("#1f5fbf")
    String companyColour();

    /**
     * The address candidates reach Candor at, for the links in their mail (e.g.
     * https://candor.example.com). Required in production; elsewhere this server on localhost.
     */
    Optional<String> publicUrl();

    /** Seed demo users and requisitions at start (embedded default only). */
    @WithDefault("false")
    boolean demoData();

    /** The zone in which "today" and business days are reckoned. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** Public holidays skipped by business-day arithmetic, as ISO dates. */
    Optional<List<LocalDate>> holidays();

    /**
     * The days of the week that are business days (promised dates, the digest, feedback hours); the
     * others are the weekend. Some companies work Sunday to Thursday: SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY.
     */
    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    List<DayOfWeek> workWeek();

    /** Languages Candor can write to candidates in; the first is the fallback. */
    @WithDefault("en,de")
    List<String> languages();

    PromiseDays promiseDays();

    CsvImport csvImport();

    FirstAdmin firstAdmin();

    Auth auth();

    /** Single sign-on with OpenID Connect (user/OidcSignIn); the provider itself is set with quarkus.oidc.*. */
    Oidc oidc();

    interface Oidc {
        /** Sign-in through the identity provider; off by default (form login with local passwords). */
        @WithDefault("false")
        boolean enabled();

        /** What the sign-in page's button says: "Sign in with ...". */
        @WithDefault("your company account")
        String providerName();

        /** The claim that becomes the Candor username (created at first sign-in, matched afterwards). */
        @WithDefault("preferred_username")
        String usernameClaim();

        /** The claim listing the user's groups or roles; a dotted path reaches into objects (realm_access.roles). */
        @WithDefault("groups")
        String roleClaim();

        /** Values of the role claim that make a recruiter. */
        Optional<List<String>> recruiterGroups();

        /** Values of the role claim that make a hiring manager. */
        Optional<List<String>> hiringManagerGroups();

        /** Values of the role claim that make an admin. */
        Optional<List<String>> adminGroups();
    }

    Mail mail();

    Links links();

    Feedback feedback();

    Debrief debrief();

    Closure closure();

    Privacy privacy();

    H2 h2();

    /** The embedded database (the embedded profile's H2 file); nothing of it applies on PostgreSQL. */
    interface H2 {
        /** How often Candor rewrites the nearly empty chunks of the H2 file (EmbeddedStoreHousekeeping); "off" disables it. */
        @WithDefault("10s")
        String housekeepingEvery();
    }

    /** Candidates' personal data: how long it is kept, and the privacy notice letters link to (issue 22). */
    interface Privacy {
        /**
         * How long after a candidate's last application was closed their personal data is kept (ISO-8601 period,
         * e.g. P6M); then the retention job anonymises them. A candidate with an open application is never anonymised.
         */
        @WithDefault("P6M")
        Period retention();

        /** How often the retention job runs ("off" disables it; the dry run still shows what it would do). */
        @WithDefault("1h")
        String retentionEvery();

        /** The company's privacy notice; when set, every letter to a candidate ends with a link to it. */
        Optional<String> noticeUrl();
    }

    /** The closure watch: the sweep that flags promises, the board, the recruiters' daily digest. */
    interface Closure {
        /** How often the sweep looks for newly due-soon and overdue promises ("off" disables it). */
        @WithDefault("5m")
        String sweepEvery();

        /** Time of day (company time zone) from which each recruiter's digest goes out on business days. */
        @WithDefault("08:00")
        LocalTime digestAt();

        /** How often Candor checks whether digests are due ("off" disables the digest). */
        @WithDefault("5m")
        String digestCheckEvery();

        /** Rows per page of the closure board. */
        @WithDefault("25")
        int boardPageSize();

        /** How long the closure gauges of /q/metrics reuse one count, so that scrapes never hammer the database. */
        @WithDefault("PT30S")
        Duration metricsCacheFor();
    }

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

    /** Delivery of candidate messages (the outbox dispatcher). */
    interface Mail {
        /** Sender of candidate mail. */
        @WithDefault("Candor <no-reply@candor.local>")
        String from();

        /**
         * Right-hand side of the stable Message-ID header (&lt;candor-42@domain&gt;). Unset: the domain of
         * {@link #from()}, so that letters carry the company's own domain (see message/MailIdentity).
         */
        Optional<String> messageIdDomain();

        /**
         * Where candidates' replies go, for every letter (a team inbox, e.g. "Recruiting &lt;jobs@example.com&gt;").
         * Unset: the recruiter who signed the letter, so that a reply reaches a person (see message/MailIdentity).
         */
        Optional<String> replyTo();

        /** Attempts before a transiently failing message is marked FAILED. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; doubled each time, with jitter, up to {@link #maxBackoff()}. */
        @WithDefault("PT30S")
        Duration initialBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();

        /** How long a dispatcher holds a claimed message; after a crash another one takes it over then. */
        @WithDefault("PT2M")
        Duration lease();

        /** Messages claimed per round. */
        @WithDefault("20")
        int batchSize();

        /**
         * Sends in flight at once (a window of the claimed batch, each on its own connection of the mail client's
         * pool): at most quarkus.mailer.max-pool-size (10 by default), or the rest wait for a connection. 1 sends one
         * message after the other.
         */
        @WithDefault("10")
        int concurrency();

        /** How often the dispatcher looks for due messages besides being woken after each commit. */
        @WithDefault("5s")
        String pollEvery();

        /** Hour of the day (company time zone) for "the next business morning". */
        @WithDefault("9")
        int morningHour();

        /** How long the message-state gauges of /q/metrics reuse one count, so that scrapes never hammer the database. */
        @WithDefault("PT30S")
        Duration metricsCacheFor();
    }

    /** Hiring managers' interview feedback. */
    interface Feedback {
        /** Feedback is due this many working hours (business-day hours) after the interview ends. */
        @WithDefault("24")
        int dueWorkingHours();

        /** How often Candor looks for feedback that is now missing (each interview gets one reminder). */
        @WithDefault("5m")
        String checkEvery();
    }

    /** The candidate debrief after an interview. */
    interface Debrief {
        /** How often Candor looks for interviews that have ended and sends their debrief letter ("off" disables it). */
        @WithDefault("5m")
        String checkEvery();
    }

    /** The links in candidate mail (withdraw, status, ask for feedback). */
    interface Links {
        /** How long a link in a mail works. A withdrawal link also stops acting once the application is closed. */
        @WithDefault("P90D")
        Duration lifetime();

        /** Wrong or expired links from one address within {@link #failureWindow()} before that address is slowed down. */
        @WithDefault("10")
        int maxFailures();

        /** How long failures count against an address, and how long a slowed-down address waits. */
        @WithDefault("PT15M")
        Duration failureWindow();
    }

    /** Production seeds no demo users: the first admin is created from these when none exists. */
    interface FirstAdmin {
        Optional<String> username();

        Optional<String> password();
    }

    /** HTTP Basic and the form login: how long a verified password is remembered (see user/CredentialCache). */
    interface Auth {
        /**
         * The bcrypt cost of stored passwords (each step doubles the work of a sign-in and of a guess against a
         * stolen database). Production refuses less than 10; the test profile uses the minimum, 4, because the
         * suite creates and signs in thousands of users.
         */
        @WithDefault("10")
        @Min(4)
        @Max(31)
        int passwordCost();

        /**
         * How long a password that passed bcrypt is accepted from memory, without bcrypt (each use still
         * re-reads the user's row). PT0S turns the cache off: every request pays bcrypt again.
         */
        @WithDefault("PT5M")
        Duration credentialCacheTtl();

        /** At most this many users are remembered; when full, a new sign-in pays bcrypt and is not remembered. */
        @WithDefault("1000")
        int credentialCacheSize();

        /**
         * How long a sign-in session lasts at most, however busy it is (quarkus.http.auth.form.timeout is the
         * idle limit beside it). Then the user signs in again.
         */
        @WithDefault("PT12H")
        Duration sessionLifetime();

        /** Wrong passwords for one account within {@link #failureWindow()} before each further one makes it wait. */
        @WithDefault("5")
        int accountFailures();

        /** Wrong passwords from one client address (any accounts) within the window before it waits. */
        @WithDefault("20")
        int addressFailures();

        /** How long failed sign-ins count. */
        @WithDefault("PT15M")
        Duration failureWindow();

        /** The first wait; each further failure doubles it. */
        @WithDefault("PT15S")
        Duration firstWait();

        /** The longest an account waits: guessing can never lock its owner out for longer than this. */
        @WithDefault("PT2M")
        Duration accountMaxWait();

        /** The longest an address waits. */
        @WithDefault("PT15M")
        Duration addressMaxWait();

        /**
         * Passwords at all: the sign-in form and HTTP Basic. Switch off where everyone signs in through the identity
         * provider (candor.oidc.enabled) and integrations use API tokens.
         */
        @WithDefault("true")
        boolean localPasswords();

        /**
         * HTTP Basic (a username and password with every request) on /api and /q/metrics. Off by default: API
         * clients and Prometheus send an API token instead. The embedded and test profiles switch it on.
         */
        @WithDefault("false")
        boolean basic();

        /** The longest an API token may live; its owner picks anything up to this. */
        @WithDefault("P366D")
        Duration tokenMaxLifetime();

        /** A token's "last used" is written at most this often, so that busy clients do not write on every call. */
        @WithDefault("PT1M")
        Duration tokenLastUsedEvery();
    }
}
