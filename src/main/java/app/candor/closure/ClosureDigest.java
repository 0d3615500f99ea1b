package app.candor.closure;

import app.candor.system.WhileStarted;
import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.message.Composed;
import app.candor.message.MailHeaders;
import app.candor.message.Message;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Outbox;
import app.candor.message.template.DigestFacts;
import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import app.candor.system.PublicUrl;
import app.candor.system.TemplateExtensions;
import app.candor.user.Role;
import app.candor.user.User;
import io.quarkus.logging.Log;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The recruiters' daily closure digest: on business days, from {@code candor.closure.digest-at} (company
 * time zone) on, each active recruiter gets one mail listing their overdue promises (oldest first) and
 * those due within a business day, or nothing when there is nothing to say.
 *
 * <p>Once per recruiter and day, whatever the number of checks and instances: the day is claimed by
 * inserting its {@code closure_digest} row ({@code on conflict do nothing}) in the same transaction as the
 * message. A second instance's insert waits for the first one's commit and then inserts nothing, so the
 * race costs no exception, no error in the log and no rolled-back work; if the first one rolls back, the
 * second one claims the day. Each recruiter has a transaction of their own, so one recruiter's failure
 * leaves the others' digests alone (and the next check tries that recruiter again).
 */
@ApplicationScoped
public class ClosureDigest {

    /** Rows listed per group; the rest are counted, with a link to the board. */
    static final int MAX_ROWS = 50;

    /** ?1 recruiter, ?2 day, ?3 now. Inserts one row, or none when the day is already claimed. */
    static final String CLAIM_SQL = "insert into closure_digest (recruiter_id, digest_day, items, message_id, created_at)"
            + " values (?1, ?2, 0, null, ?3) on conflict do nothing";

    /** Active users who may be recruiters and have no digest row for the day (?1) yet; roles are checked exactly in Java. */
    static final String PENDING_SQL = "select u.id, u.roles from app_user u where u.active = true and u.roles like '%recruiter%'"
            + " and not exists (select 1 from closure_digest d where d.recruiter_id = u.id and d.digest_day = ?1) order by u.id";

    @Inject
    BusinessCalendar calendar;

    @Inject
    CandorConfig config;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrl publicUrl;

    @Inject
    EntityManager em;

    /** One promise in the digest. {@code businessDaysOver} only for overdue ones; {@code chasedOn} when a chaser waits. */
    public record Item(long applicationId, String candidate, String role, String stage, String promised, int businessDaysOver,
                       String chasedOn, String url) {
    }

    /** What the mail says: the day, the listed rows of each group, and how many more each has. */
    public record Content(String day, String recipientName, List<Item> overdue, int overdueTotal, int overdueMore,
                          List<Item> dueSoon, int dueSoonTotal, int dueSoonMore, String boardUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance digest(String subject, Content d);
    }

    /**
     * What one check did. {@code due} is false (with the reason) before the digest time or on a day off;
     * then nothing was looked at. {@code sent}: digests queued; {@code empty}: recruiters with nothing
     * overdue or due soon (day recorded, no mail); {@code noAddress}: recruiters with items but no e-mail
     * address (day recorded, no mail); {@code claimedElsewhere}: days another check claimed first;
     * {@code failed}: recruiters whose digest failed and will be tried again at the next check.
     */
    public record Result(Instant at, LocalDate day, boolean due, String reason, int sent, int empty, int noAddress,
                         int claimedElsewhere, int failed) {

        static Result notDue(Instant at, LocalDate day, String reason) {
            return new Result(at, day, false, reason, 0, 0, 0, 0, 0);
        }
    }

    private enum Outcome { SENT, EMPTY, NO_ADDRESS, CLAIMED_ELSEWHERE }

    @Scheduled(every = "${candor.closure.digest-check-every:5m}", delayed = "45s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void scheduled() {
        check();
    }

    /** Sends today's digest to every active recruiter who has not had it yet, if today is a business day and the time has come. */
    public Result check() {
        Instant now = calendar.now();
        ZonedDateTime local = now.atZone(calendar.zone());
        LocalDate today = local.toLocalDate();
        if (!calendar.isBusinessDay(today)) {
            return Result.notDue(now, today, today + " is not a business day");
        }
        if (local.toLocalTime().isBefore(config.closure().digestAt())) {
            return Result.notDue(now, today, "the digest goes out from " + config.closure().digestAt() + " (" + calendar.zone().getId() + ")");
        }
        int sent = 0;
        int empty = 0;
        int noAddress = 0;
        int elsewhere = 0;
        int failed = 0;
        for (long recruiterId : pendingRecruiters(today)) {
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> digestFor(recruiterId, today, now));
                switch (outcome) {
                    case SENT -> sent++;
                    case EMPTY -> empty++;
                    case NO_ADDRESS -> noAddress++;
                    case CLAIMED_ELSEWHERE -> elsewhere++;
                }
            } catch (RuntimeException e) {
                // Rolled back, the day unclaimed: the next check tries this recruiter again. The others go on.
                failed++;
                Log.errorf(e, "Closure digest for recruiter %d on %s failed; the next check tries again", recruiterId, today);
            }
        }
        Result result = new Result(now, today, true, null, sent, empty, noAddress, elsewhere, failed);
        if (sent + empty + noAddress + failed > 0) {
            Log.infof("Closure digest %s: %d sent, %d with nothing to say, %d without an e-mail address, %d claimed elsewhere, %d failed",
                    today, sent, empty, noAddress, elsewhere, failed);
        }
        return result;
    }

    private List<Long> pendingRecruiters(LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(PENDING_SQL).setParameter(1, day).getResultList();
            List<Long> ids = new ArrayList<>();
            for (Object[] row : rows) {
                // "like '%recruiter%'" is only a pre-filter: the roles are a comma-separated list.
                if (Arrays.stream(((String) row[1]).split(",")).map(String::strip).anyMatch(Role.RECRUITER::equals)) {
                    ids.add(((Number) row[0]).longValue());
                }
            }
            return ids;
        });
    }

    /** One recruiter's digest for the day, in the caller's (new) transaction: claim, then write. */
    private Outcome digestFor(long recruiterId, LocalDate day, Instant now) {
        int claimed = em.createNativeQuery(CLAIM_SQL).setParameter(1, recruiterId).setParameter(2, day).setParameter(3, now)
                .executeUpdate();
        if (claimed == 0) {
            return Outcome.CLAIMED_ELSEWHERE;
        }
        User recruiter = User.findById(recruiterId);
        LocalDate dueSoonUntil = calendar.dueSoonUntil(day);
        long overdueTotal = Application.count("recruiterId = ?1 and closure.state = ?2 and closure.due < ?3",
                recruiterId, ClosureState.OPEN, day);
        long dueSoonTotal = Application.count("recruiterId = ?1 and closure.state = ?2 and closure.due >= ?3 and closure.due <= ?4",
                recruiterId, ClosureState.OPEN, day, dueSoonUntil);
        int items = (int) (overdueTotal + dueSoonTotal);
        if (items == 0) {
            return Outcome.EMPTY; // the claimed row says so: items 0, no message
        }
        if (recruiter.email == null || recruiter.email.isBlank()) {
            record(recruiterId, day, items, null);
            Log.infof("Closure digest %s for recruiter %d recorded (%d overdue or due soon), not sent: they have no e-mail address",
                    day, recruiterId, items);
            return Outcome.NO_ADDRESS;
        }
        String subject = subject(overdueTotal, dueSoonTotal);
        // Oldest promise first; on the same date a candidate who chased comes first.
        List<Application> overdue = Application.<Application>find("select a from Application a join fetch a.candidate join fetch a.requisition r"
                        + " where a.recruiterId = ?1 and a.closure.state = ?2 and a.closure.due < ?3"
                        + " order by a.closure.due, case when a.chasedAt is null then 1 else 0 end, a.id",
                recruiterId, ClosureState.OPEN, day).page(0, MAX_ROWS).list();
        List<Application> dueSoon = Application.<Application>find("select a from Application a join fetch a.candidate join fetch a.requisition r"
                        + " where a.recruiterId = ?1 and a.closure.state = ?2 and a.closure.due >= ?3 and a.closure.due <= ?4"
                        + " order by a.closure.due, case when a.chasedAt is null then 1 else 0 end, a.id",
                recruiterId, ClosureState.OPEN, day, dueSoonUntil).page(0, MAX_ROWS).list();
        String base = publicUrl.base();
        Content content = new Content(TemplateExtensions.human(day), recruiter.fullName,
                overdue.stream().map(a -> item(a, day, true, base)).toList(), (int) overdueTotal, (int) overdueTotal - overdue.size(),
                dueSoon.stream().map(a -> item(a, day, false, base)).toList(), (int) dueSoonTotal, (int) dueSoonTotal - dueSoon.size(),
                base + "/board");
        Composed mail = composer.composeDigest(recruiter, subject, Templates.digest(subject, content), facts(content));
        Message m = outbox.enqueueForTeam(mail, cause(recruiterId, day), recruiter);
        record(recruiterId, day, items, m.id);
        return Outcome.SENT;
    }

    /** The claimed row gets its count and message (a null message stays as claimed: no typed null parameter for PostgreSQL to guess). */
    private void record(long recruiterId, LocalDate day, int items, Long messageId) {
        if (messageId == null) {
            em.createNativeQuery("update closure_digest set items = ?1 where recruiter_id = ?2 and digest_day = ?3")
                    .setParameter(1, items).setParameter(2, recruiterId).setParameter(3, day).executeUpdate();
        } else {
            em.createNativeQuery("update closure_digest set items = ?1, message_id = ?2 where recruiter_id = ?3 and digest_day = ?4")
                    .setParameter(1, items).setParameter(2, messageId).setParameter(3, recruiterId).setParameter(4, day).executeUpdate();
        }
    }

    /** The digest as the team's edited template reaches it: one line per candidate, worded as the built-in text part. */
    static DigestFacts facts(Content d) {
        List<String> overdue = new ArrayList<>(d.overdue().stream().map(i -> line(i) + ", " + i.businessDaysOver() + " business day"
                + (i.businessDaysOver() == 1 ? "" : "s") + " over" + chased(i) + ": " + i.url()).toList());
        if (d.overdueMore() > 0) {
            overdue.add("... and " + d.overdueMore() + " more on the board");
        }
        List<String> dueSoon = new ArrayList<>(d.dueSoon().stream().map(i -> line(i) + chased(i) + ": " + i.url()).toList());
        if (d.dueSoonMore() > 0) {
            dueSoon.add("... and " + d.dueSoonMore() + " more on the board");
        }
        return new DigestFacts(d.recipientName(), d.day(), d.overdueTotal(), d.dueSoonTotal(), overdue, dueSoon, d.boardUrl());
    }

    private static String line(Item i) {
        return i.candidate() + ", " + i.role() + " (" + i.stage() + "): promised " + i.promised();
    }

    private static String chased(Item i) {
        return i.chasedOn() == null ? "" : ", CHASED " + i.chasedOn();
    }

    private Item item(Application a, LocalDate day, boolean overdue, String base) {
        return new Item(a.id, MailHeaders.oneLine(a.candidate.displayName()), MailHeaders.oneLine(a.requisition.title), a.stage.label,
                TemplateExtensions.human(a.closure.due()), overdue ? calendar.businessDaysAfter(a.closure.due(), day) : 0,
                a.chasedAt == null ? null : TemplateExtensions.human(LocalDate.ofInstant(a.chasedAt, calendar.zone())),
                base + "/applications/" + a.id);
    }

    static String subject(long overdue, long dueSoon) {
        return "Closure watch: " + overdue + " overdue, " + dueSoon + " due soon";
    }

    /** The message's cause: one digest per recruiter and day, also by the unique key on the cause. */
    public static String cause(long recruiterId, LocalDate day) {
        return "digest:" + recruiterId + ":" + day;
    }

    /** What was recorded for a recruiter's day: how many items, and the message (null when nothing was sent). */
    public record Recorded(int items, Long messageId) {
    }

    /** The recorded day, if any (for the board and the tests). */
    public Optional<Recorded> recorded(long recruiterId, LocalDate day) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select items, message_id from closure_digest where recruiter_id = ?1 and digest_day = ?2")
                    .setParameter(1, recruiterId).setParameter(2, day).getResultList();
            return rows.stream().findFirst()
                    .map(r -> new Recorded(((Number) r[0]).intValue(), r[1] == null ? null : ((Number) r[1]).longValue()));
        });
    }
}
