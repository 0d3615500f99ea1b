package app.candor.interview;

import app.candor.application.Application;
import app.candor.candidate.Languages;
import app.candor.link.CandidateStatuses;
import app.candor.link.NextSteps;
import app.candor.message.LetterWords;
import app.candor.system.CandorConfig;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/** A candidate's next interview, as their status page puts it first: when (their language, the company's zone) and how. */
@ApplicationScoped
public class InterviewNextStep implements NextSteps {

    @Inject
    Clock clock;

    @Inject
    CandorConfig config;

    @Override
    public Optional<String> next(Application application, String language) {
        return Interview.<Interview>find("application = ?1 and state = ?2 and startsAt > ?3 order by startsAt, id", application,
                        InterviewState.SCHEDULED, clock.instant()).firstResultOptional()
                .map(i -> {
                    Locale locale = Languages.dates(Locale.forLanguageTag(language));
                    ZonedDateTime at = i.startsAt.atZone(config.timeZone());
                    String when = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(at) + ", "
                            + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(at) + " (" + config.timeZone().getId() + ")";
                    LetterWords msg = MessageBundles.get(LetterWords.class, Localized.Literal.of(language));
                    String how = switch (i.kind) {
                        case PHONE -> msg.kindPhone();
                        case VIDEO -> msg.kindVideo();
                        default -> msg.kindOnSite();
                    };
                    return CandidateStatuses.words(language).nextInterview(when, how);
                });
    }
}
