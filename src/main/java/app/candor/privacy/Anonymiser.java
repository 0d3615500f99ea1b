package app.candor.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * The one rule for removing a candidate's personal data, used by retention and by erasure on request. The candidate
 * keeps their row and their applications (stages, dates, closure on time or late: the counts and statistics stay), but
 * loses everything that says who they are or what was said to or about them: name, e-mail, phone, the text of every
 * letter and call, chasers' notes, feedback texts, withdrawal and debrief notes, the notes in the stage history and how
 * they were told. Their links stop working (link/LinkTokens refuses an anonymised candidate's links with the calm page
 * any dead link gets).
 *
 * <p>{@link #claim} is the only way in: a conditional update that sets {@code anonymised_at} once, so that two replicas
 * (or an erasure racing a retention run) anonymise a candidate once; the loser's update waits for the winner's row lock
 * and then matches nothing.
 */
@ApplicationScoped
public class Anonymiser {

    /** Why the data was removed (candidate.anonymised_why). */
    public enum Why { RETENTION, ERASURE }

    /** What replaces a removed text that may not be empty. */
    public static final String REMOVED = "(removed)";

    /**
     * ?1 now, ?2 why, ?3 candidate id, ?4 the placeholder address. Matches only a candidate not anonymised yet; the
     * retention run adds its eligibility (no open application, closed long enough) to the same statement.
     */
    static final String CLAIM_SQL = "update candidate set anonymised_at = ?1, anonymised_why = ?2, salutation = null,"
            + " first_name = 'Anonymised', last_name = 'candidate', first_name_terms = false, email = ?4, phone = null,"
            + " email_undeliverable = null, updated_at = ?1, version = version + 1 where id = ?3 and anonymised_at is null";

    @Inject
    EntityManager em;

    /** What one anonymisation removed: how many applications and messages it touched. */
    public record Removed(int applications, int messages) {
    }

    /** The address an anonymised candidate is left with: unique (the column is), and undeliverable by its domain. */
    static String placeholderAddress(long candidateId) {
        return "anonymised-" + candidateId + "@invalid";
    }

    /** Takes the candidate for anonymisation if nobody has; {@code condition} (SQL on candidate, may be "") must hold too. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean claim(long candidateId, Why why, Instant now, String condition, Object... conditionParameters) {
        var q = em.createNativeQuery(CLAIM_SQL + condition).setParameter(1, now).setParameter(2, why.name()).setParameter(3, candidateId)
                .setParameter(4, placeholderAddress(candidateId));
        for (int i = 0; i < conditionParameters.length; i++) {
            q.setParameter(5 + i, conditionParameters[i]);
        }
        return q.executeUpdate() == 1;
    }

    /** Removes the texts around a claimed candidate, set-based, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    Removed scrub(long candidateId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> apps = em.createNativeQuery("select id from application where candidate_id = ?1").setParameter(1, candidateId)
                .getResultList();
        // Letters and calls to the candidate, and the team's notices about their applications.
        int messages = em.createNativeQuery("update message set recipient = ?2, subject = ?2, body_html = '', body_text = '',"
                        + " call_script = null, personal_note = null, call_note = null, last_error = null, updated_at = ?3,"
                        + " version = version + 1 where candidate_id = ?1")
                .setParameter(1, candidateId).setParameter(2, REMOVED).setParameter(3, now).executeUpdate();
        if (apps.isEmpty()) {
            return new Removed(0, messages);
        }
        List<Long> ids = apps.stream().map(Number::longValue).toList();
        run("update stage_change set note = null where application_id in (?1)", ids);
        run("update chaser set note = null where application_id in (?1)", ids);
        run("update withdrawal set note = null where application_id in (?1)", ids);
        run("update debrief set note = null where interview_id in (select i.id from interview i where i.application_id in (?1))", ids);
        run("update feedback_revision set strengths = null, concerns = null, shareable = null where feedback_id in"
                + " (select f.id from interview_feedback f join interview i on i.id = f.interview_id where i.application_id in (?1))", ids);
        run("update interview_feedback set strengths = null, concerns = null, shareable = null where interview_id in"
                + " (select i.id from interview i where i.application_id in (?1))", ids);
        run("update application set told_note = null where id in (?1)", ids);
        return new Removed(ids.size(), messages);
    }

    private void run(String sql, List<Long> applicationIds) {
        em.createNativeQuery(sql).setParameter(1, applicationIds).executeUpdate();
    }
}
