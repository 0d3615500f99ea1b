package app.candor.link;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.candidate.Languages;
import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import app.candor.user.User;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds {@link CandidateStatus}: the candidate's own view of an application. */
@ApplicationScoped
public class CandidateStatuses {

    @Inject
    CandorConfig config;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Instance<NextSteps> nextSteps;

    @Inject
    Languages languages;

    @Inject
    LettersToCandidate letters;

    public static CandidatePageWords words(String language) {
        return MessageBundles.get(CandidatePageWords.class, Localized.Literal.of(language));
    }

    public String date(LocalDate date, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Languages.dates(Locale.forLanguageTag(language))).format(date);
    }

    public String date(Instant instant, String language) {
        return date(instant.atZone(calendar.zone()).toLocalDate(), language);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CandidateStatus of(Application a) {
        String language = languages.of(a.candidate);
        CandidatePageWords w = words(language);
        List<StageChange> history = StageChange.listFor(a);
        Stage shown = a.stage;
        LocalDate promise = a.promisedDecisionDate;
        if ((a.stage == Stage.REJECTED || a.stage == Stage.OFFER || a.stage == Stage.ROLE_CLOSED) && !a.closure.isClosed()) {
            // Decided, not yet told (a scheduled rejection, a "role filled" or "role cancelled" call still to make): the
            // candidate sees where they stood before, and the date they were last given, until the answer reaches them.
            shown = history.stream().filter(ch -> ch.toStage == a.stage && ch.fromStage != a.stage).reduce((first, second) -> second)
                    .map(ch -> ch.fromStage).filter(s -> s != null && !s.isTerminal()).orElse(Stage.APPLIED);
            promise = history.stream().filter(ch -> ch.toStage != a.stage && ch.promisedDecisionDate != null)
                    .map(ch -> ch.promisedDecisionDate).reduce((first, second) -> second).orElse(null);
        }
        Instant withdrawnAt = shown == Stage.WITHDRAWN ? history.stream().filter(ch -> ch.toStage == Stage.WITHDRAWN)
                .reduce((first, second) -> second).map(ch -> ch.changedAt).orElse(null) : null;
        String stageText = switch (shown) {
            case APPLIED -> w.stageApplied();
            case SCREENING -> w.stageScreening();
            case INTERVIEW -> w.stageInterview();
            case FINAL_INTERVIEW -> w.stageFinalInterview();
            case OFFER -> w.stageOffer();
            case HIRED -> w.stageHired();
            case REJECTED -> w.stageRejected();
            case WITHDRAWN -> withdrawnAt == null ? w.stageWithdrawnUndated() : w.stageWithdrawn(date(withdrawnAt, language));
            case ROLE_CLOSED -> w.stageRoleClosed();
        };
        boolean open = !shown.isTerminal();
        String promiseText = open && promise != null ? w.promise(date(promise, language)) : null;
        User recruiter = a.requisition.recruiter;
        CandidateStatus.Contact contact = new CandidateStatus.Contact(recruiter.fullName, recruiter.jobTitle, recruiter.email);
        List<CandidateStatus.Sent> sent = letters.delivered(a).stream().map(m -> sent(m, language, w)).toList();
        return new CandidateStatus(language, a.candidate.firstName + " " + a.candidate.lastName, a.requisition.title,
                config.companyName(), stageText, promiseText, open, contact, sent,
                open ? nextSteps.stream().map(n -> n.next(a, language)).flatMap(Optional::stream).findFirst().orElse(null) : null);
    }

    private CandidateStatus.Sent sent(LettersToCandidate.Delivered m, String language, CandidatePageWords w) {
        String date = m.at() == null ? "" : date(m.at(), language);
        // A call shows what it was based on (the letter), never the recruiter's note of how it went.
        return new CandidateStatus.Sent(date, m.call() ? w.phoneCall() + ": " + m.subject() : m.subject(), m.call(),
                lines(withoutLinks(m.bodyText())));
    }

    /** The plain-text letter without its links footer (which holds only token placeholders). */
    static String withoutLinks(String text) {
        int cut = text.lastIndexOf("\n--\n");
        return cut >= 0 && text.indexOf("{personal-", cut) >= 0 ? text.substring(0, cut) : text;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.strip().split("\\R")).map(String::stripTrailing).toList();
    }
}
