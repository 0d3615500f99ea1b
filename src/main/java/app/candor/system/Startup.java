package app.candor.system;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.MoveInput;
import app.candor.application.Stage;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionInput;
import app.candor.requisition.RequisitionService;
import app.candor.user.Role;
import app.candor.user.User;
import app.candor.user.UserInput;
import app.candor.user.UserService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What exists before anyone signs in. The embedded default seeds demo users and requisitions
 * (README lists the credentials); production seeds no one and creates the first admin from
 * CANDOR_ADMIN_USER / CANDOR_ADMIN_PASSWORD when there is no admin yet (and refuses to start without them then).
 */
@ApplicationScoped
public class Startup {

    @Inject
    CandorConfig config;

    @Inject
    UserService users;

    @Inject
    RequisitionService requisitions;

    @Inject
    ApplicationService applications;

    @Inject
    BusinessCalendar calendar;

    @Inject
    app.candor.closure.ChaserService chasers;

    void onStart(@Observes StartupEvent event) {
        if (config.demoData()) {
            QuarkusTransaction.requiringNew().run(this::seedDemo);
        }
        createFirstAdmin();
    }

    private void createFirstAdmin() {
        if (QuarkusTransaction.requiringNew().call(User::anyActiveAdmin)) {
            return;
        }
        String username = config.firstAdmin().username().filter(s -> !s.isBlank()).orElse(null);
        String password = config.firstAdmin().password().filter(s -> !s.isBlank()).orElse(null);
        if (username == null || password == null) {
            List<String> missing = new java.util.ArrayList<>();
            if (username == null) {
                missing.add("CANDOR_ADMIN_USER");
            }
            if (password == null) {
                missing.add("CANDOR_ADMIN_PASSWORD");
            }
            String problem = "The database has no active admin and " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set: nobody could manage users.";
            if (ConfigUtils.getProfiles().contains("prod")) {
                // Quarkus prints a ConfigurationException as its bare message: one line naming what to set.
                throw new ConfigurationException("Candor cannot start in production: " + problem
                        + " Set the first admin in the environment (Secret candor-secrets); see deploy/README.md.");
            }
            Log.warn(problem);
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> users.create(new UserInput(username, password, "Administrator", null, null, List.of(Role.ADMIN))));
        } catch (RuntimeException e) {
            // Replicas starting together on an empty database: another one may have created the admin a moment
            // earlier (its commit took the user name first). That is the admin we wanted; start normally.
            if (QuarkusTransaction.requiringNew().call(User::anyActiveAdmin)) {
                Log.infof("First admin '%s' was created by another instance starting at the same time", username);
                return;
            }
            if (e instanceof ProblemException) {
                // Fail the start rather than run with an admin nobody meant (e.g. the template's CHANGE_ME).
                // No cause attached: Quarkus prints a ConfigurationException that is the root cause as its bare message.
                throw new ConfigurationException("Candor cannot start: CANDOR_ADMIN_USER / CANDOR_ADMIN_PASSWORD are not usable: " + e.getMessage());
            }
            throw e;
        }
        Log.infof("First admin '%s' created from the environment", username);
    }

    /** Every demo user's password (README): strong enough for {@link app.candor.user.PasswordRules}. */
    static final String DEMO_PASSWORD = "sunny-walnut-ledger";

    private void seedDemo() {
        if (User.count() > 0) {
            return;
        }
        Log.info("Seeding demo users and requisitions (embedded default)");
        users.create(new UserInput("admin", DEMO_PASSWORD, "Alex Admin", "Head of People Operations", "admin@candor.test", List.of(Role.ADMIN)));
        User rita = users.create(new UserInput("rita", DEMO_PASSWORD, "Rita Recruiter", "Senior Talent Partner", "rita@candor.test", List.of(Role.RECRUITER)));
        users.create(new UserInput("rob", DEMO_PASSWORD, "Rob Recruiter", "Talent Partner", "rob@candor.test", List.of(Role.RECRUITER)));
        User harry = users.create(new UserInput("harry", DEMO_PASSWORD, "Harry Hiring", "Engineering Manager", "harry@candor.test", List.of(Role.HIRING_MANAGER)));
        User hanna = users.create(new UserInput("hanna", DEMO_PASSWORD, "Hanna Head", "Head of Design", "hanna@candor.test", List.of(Role.HIRING_MANAGER)));

        Requisition backend = requisitions.create(new RequisitionInput("Senior Backend Engineer", null, harry.id), rita);
        Requisition designer = requisitions.create(new RequisitionInput("Product Designer", null, hanna.id), rita);

        add(backend, rita, "Ms", "Ada", "Lovelace", false, "ada@example.test", "+44 20 7946 0001", Channel.EMAIL, "en", Stage.SCREENING, Stage.INTERVIEW);
        add(backend, rita, "Mr", "Alan", "Turing", false, "alan@example.test", "+44 20 7946 0002", Channel.PHONE, "en", Stage.SCREENING, Stage.INTERVIEW, Stage.FINAL_INTERVIEW);
        add(backend, rita, "Dr", "Grace", "Hopper", true, "grace@example.test", null, Channel.EMAIL, "en", Stage.SCREENING);
        add(backend, rita, "Herr", "Konrad", "Zuse", false, "konrad@example.test", "+49 30 1234567", Channel.EMAIL, "de");
        add(backend, rita, "Ms", "Margaret", "Hamilton", false, "margaret@example.test", null, Channel.EMAIL, "en",
                Stage.SCREENING, Stage.INTERVIEW, Stage.FINAL_INTERVIEW, Stage.OFFER);
        add(designer, rita, "Frau", "Marianne", "Brandt", false, "marianne@example.test", null, Channel.EMAIL, "de", Stage.SCREENING);
        add(designer, rita, "Mr", "Dieter", "Rams", true, "dieter@example.test", "+49 69 555 0101", Channel.PHONE, "de");
        demoClosureHistory(rita, harry);
    }

    /**
     * The closure watch needs history to show anything: as if the demo had been running for weeks, two
     * promises have passed (one candidate chased by phone), one falls due the next business day, and a
     * finished requisition has closures on time and late over the last weeks for the chart. Everything goes
     * through the services a recruiter's actions use, so promises are business days and each application's
     * history matches its current promise.
     */
    private void demoClosureHistory(User rita, User harry) {
        java.time.LocalDate today = calendar.today();
        java.time.Instant now = calendar.now();
        promise("grace@example.test", businessDaysBefore(today, 3), rita);
        promise("alan@example.test", businessDaysBefore(today, 1), rita);
        promise("ada@example.test", calendar.addBusinessDays(today, 1), rita);
        Application alan = Application.find("candidate.email", "alan@example.test").firstResult();
        chasers.log(alan.id, new app.candor.closure.ChaserInput(Channel.PHONE,
                "Called to ask whether a decision has been made after the final interview.",
                now.minus(java.time.Duration.ofHours(3)).atOffset(java.time.ZoneOffset.UTC)), rita);

        Requisition analyst = requisitions.create(new RequisitionInput("Data Analyst", null, harry.id), rita);
        String[][] people = {{"Emmy", "Noether"}, {"Kurt", "Goedel"}, {"Lise", "Meitner"}, {"Niels", "Bohr"}, {"Marie", "Curie"},
                {"Paul", "Dirac"}, {"Rosalind", "Franklin"}, {"Erwin", "Schroedinger"}, {"Hedy", "Lamarr"}, {"Claude", "Shannon"}};
        for (int i = 0; i < people.length; i++) {
            Application added = applications.addCandidate(analyst.id, new CandidateInput(null, people[i][0], people[i][1], false,
                    people[i][0].toLowerCase() + "@example.test", null, Channel.EMAIL, "en"), rita).application();
            int weeksAgo = 1 + i % 5;
            java.time.Instant toldAt = now.minus(java.time.Duration.ofDays(7L * weeksAgo));
            java.time.LocalDate toldOn = java.time.LocalDate.ofInstant(toldAt, calendar.zone());
            added.createdAt = now.minus(java.time.Duration.ofDays(7L * weeksAgo + 12));
            // One in four was promised a date that passed before they heard: closed late.
            boolean late = i % 4 == 3;
            java.time.LocalDate promised = late ? businessDaysBefore(toldOn, 2) : calendar.addBusinessDays(toldOn, 2);
            applications.recordInPlace(added, Stage.APPLIED, promised, "Decision date agreed with the candidate", false, rita);
            applications.move(added.id, new MoveInput(Stage.REJECTED, "Not shortlisted", null,
                    new app.candor.application.ToldInput(app.candor.closure.ClosureWatch.ToldHow.PHONE,
                            toldAt.atOffset(java.time.ZoneOffset.UTC), "Told by phone after the screening call")), rita);
        }
    }

    /** The business day {@code days} business days before {@code from}. */
    private java.time.LocalDate businessDaysBefore(java.time.LocalDate from, int days) {
        java.time.LocalDate date = from;
        for (int counted = 0; counted < days; ) {
            date = date.minusDays(1);
            if (calendar.isBusinessDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** A promised date agreed with the candidate, recorded in their history as a recruiter would. */
    private void promise(String email, java.time.LocalDate date, User recruiter) {
        Application a = Application.find("candidate.email", email).firstResult();
        applications.recordInPlace(a, a.stage, date, "Decision date agreed with the candidate", false, recruiter);
    }

    private void add(Requisition requisition, User recruiter, String salutation, String first, String last, boolean firstNameTerms,
                     String email, String phone, Channel channel, String language, Stage... moves) {
        var added = applications.addCandidate(requisition.id,
                new CandidateInput(salutation, first, last, firstNameTerms, email, phone, channel, language), recruiter);
        for (Stage stage : moves) {
            applications.move(added.application().id, new MoveInput(stage, null, null), recruiter);
        }
    }
}
