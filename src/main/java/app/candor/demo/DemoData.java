package app.candor.demo;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.MoveInput;
import app.candor.application.Stage;
import app.candor.application.ToldInput;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.closure.ChaserInput;
import app.candor.closure.ChaserService;
import app.candor.application.ClosureWatch;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionInput;
import app.candor.requisition.RequisitionService;
import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import app.candor.user.Role;
import app.candor.user.User;
import app.candor.user.UserInput;
import app.candor.user.UserService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The embedded default's demo users, requisitions and closure history (README lists the credentials), seeded
 * through the services a recruiter's actions use. The top of the feature order: it may use every feature.
 */
@ApplicationScoped
public class DemoData {

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
    ChaserService chasers;

    /** Before the first-admin check (user/AdminBootstrap): demo data brings its own admin. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (config.demoData()) {
            QuarkusTransaction.requiringNew().run(this::seedDemo);
        }
    }

    /** Every demo user's password (README): strong enough for {@link app.candor.user.PasswordRules}. */
    public static final String DEMO_PASSWORD = "sunny-walnut-ledger";

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
        LocalDate today = calendar.today();
        Instant now = calendar.now();
        promise("grace@example.test", businessDaysBefore(today, 3), rita);
        promise("alan@example.test", businessDaysBefore(today, 1), rita);
        promise("ada@example.test", calendar.addBusinessDays(today, 1), rita);
        Application alan = Application.find("candidate.email", "alan@example.test").firstResult();
        chasers.log(alan.id, new ChaserInput(Channel.PHONE,
                "Called to ask whether a decision has been made after the final interview.",
                now.minus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC)), rita);

        Requisition analyst = requisitions.create(new RequisitionInput("Data Analyst", null, harry.id), rita);
        String[][] people = {{"Emmy", "Noether"}, {"Kurt", "Goedel"}, {"Lise", "Meitner"}, {"Niels", "Bohr"}, {"Marie", "Curie"},
                {"Paul", "Dirac"}, {"Rosalind", "Franklin"}, {"Erwin", "Schroedinger"}, {"Hedy", "Lamarr"}, {"Claude", "Shannon"}};
        for (int i = 0; i < people.length; i++) {
            Application added = applications.addCandidate(analyst.id, new CandidateInput(null, people[i][0], people[i][1], false,
                    people[i][0].toLowerCase() + "@example.test", null, Channel.EMAIL, "en"), rita).application();
            int weeksAgo = 1 + i % 5;
            Instant toldAt = now.minus(Duration.ofDays(7L * weeksAgo));
            LocalDate toldOn = LocalDate.ofInstant(toldAt, calendar.zone());
            added.createdAt = now.minus(Duration.ofDays(7L * weeksAgo + 12));
            // One in four was promised a date that passed before they heard: closed late.
            boolean late = i % 4 == 3;
            LocalDate promised = late ? businessDaysBefore(toldOn, 2) : calendar.addBusinessDays(toldOn, 2);
            applications.recordInPlace(added, Stage.APPLIED, promised, "Decision date agreed with the candidate", false, rita);
            applications.move(added.id, new MoveInput(Stage.REJECTED, "Not shortlisted", null,
                    new ToldInput(ClosureWatch.ToldHow.PHONE,
                            toldAt.atOffset(ZoneOffset.UTC), "Told by phone after the screening call")), rita);
        }
    }

    /** The business day {@code days} business days before {@code from}. */
    private LocalDate businessDaysBefore(LocalDate from, int days) {
        LocalDate date = from;
        for (int counted = 0; counted < days; ) {
            date = date.minusDays(1);
            if (calendar.isBusinessDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** A promised date agreed with the candidate, recorded in their history as a recruiter would. */
    private void promise(String email, LocalDate date, User recruiter) {
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
