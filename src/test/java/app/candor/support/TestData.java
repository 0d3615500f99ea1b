package app.candor.support;

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
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the data a test needs, with unique names, so that tests never depend on each other or on
 * their order. Every user's password is {@link #PASSWORD}.
 */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "amber-kite-river-42";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    UserService users;

    @Inject
    RequisitionService requisitions;

    @Inject
    ApplicationService applications;

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQ.incrementAndGet();
    }

    public User recruiter() {
        return user(Role.RECRUITER);
    }

    public User hiringManager() {
        return user(Role.HIRING_MANAGER);
    }

    public User admin() {
        return user(Role.ADMIN);
    }

    /** A recruiter whose name and job title the candidate will see in the signature. */
    public User recruiter(String fullName, String jobTitle) {
        String name = unique("recruiter");
        return users.create(new UserInput(name, PASSWORD, fullName, jobTitle, name + "@candor.test", List.of(Role.RECRUITER)));
    }

    public User user(String... roles) {
        String name = unique(roles[0].replace("-", ""));
        return users.create(new UserInput(name, PASSWORD, "Test " + name, "Tester", name + "@candor.test", List.of(roles)));
    }

    public Requisition requisition(User recruiter, User hiringManager, String title) {
        return requisitions.create(new RequisitionInput(title, null, hiringManager.id), recruiter);
    }

    public Requisition requisition(User recruiter, User hiringManager) {
        return requisitions.create(new RequisitionInput(unique("Role"), null, hiringManager.id), recruiter);
    }

    public static CandidateInput candidateInput(String email) {
        return new CandidateInput("Ms", "Test", "Candidate", false, email, "+44 20 7946 0000", Channel.EMAIL, "en");
    }

    /** A candidate who is told by phone (a call task, then a written confirmation), with an address of their own. */
    public static CandidateInput callerInput() {
        return new CandidateInput("Mr", "Alan", "Turing", false, email(), "+44 20 7946 0002", Channel.PHONE, "en");
    }

    public static String email() {
        return unique("cand") + "@example.test";
    }

    public Application application(Requisition requisition, User recruiter) {
        return applications.addCandidate(requisition.id, candidateInput(email()), recruiter).application();
    }

    /** An application for a candidate with exactly these details. */
    public Application application(Requisition requisition, User recruiter, CandidateInput candidate) {
        return applications.addCandidate(requisition.id, candidate, recruiter).application();
    }

    public Application applicationAt(Requisition requisition, User recruiter, Stage stage) {
        Application a = application(requisition, recruiter);
        if (stage != Stage.APPLIED) {
            // A plain move to a final stage says how the candidate was told (issue 17).
            app.candor.application.ToldInput told = stage == Stage.REJECTED || stage == Stage.ROLE_CLOSED
                    ? new app.candor.application.ToldInput(app.candor.application.ClosureWatch.ToldHow.IN_PERSON, null, "told in person") : null;
            applications.move(a.id, new MoveInput(stage, null, null, told), recruiter);
        }
        return a;
    }

    /**
     * Data as it exists from before issue 17: the application moved to a final stage without a letter and
     * without a record of how the candidate was told (decided, untold). Written directly: no path makes it now.
     */
    public static void untoldAt(long applicationId, Stage stage) {
        QuarkusTransaction.requiringNew().run(() -> {
            Application a = Application.findById(applicationId);
            app.candor.application.StageChange change = new app.candor.application.StageChange();
            change.application = a;
            change.fromStage = a.stage;
            change.toStage = stage;
            change.changedBy = "(before issue 17)";
            change.changedAt = java.time.Instant.now();
            change.persist();
            Application.update("stage = ?1, promisedDecisionDate = null where id = ?2", stage, applicationId);
        });
    }

    public static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.EntityManager em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
            return em.createQuery("select count(e) from " + entity.getSimpleName() + " e", Long.class).getSingleResult();
        });
    }
}
