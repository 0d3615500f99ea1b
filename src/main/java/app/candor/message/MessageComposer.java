package app.candor.message;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;
import app.candor.candidate.Languages;
import app.candor.link.LinkPurpose;
import app.candor.link.LinkTokens;
import app.candor.message.template.DigestFacts;
import app.candor.message.template.LetterTemplates;
import app.candor.message.template.Placeholders;
import app.candor.system.CandorConfig;
import app.candor.system.PublicUrl;
import app.candor.user.User;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes candidate letters: the greeting their terms call for, the words in their language, the
 * recruiter's signature, both parts. The preview and the outbox use this same code, so what the
 * recruiter sees is what the candidate gets.
 */
@ApplicationScoped
public class MessageComposer {

    @Inject
    CandorConfig config;

    @Inject
    Languages languages;

    @Inject
    LinkTokens links;

    @Inject
    PublicUrl publicUrl;

    @Inject
    LetterTemplates templates;

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance letter(LetterContent letter);

        static native TemplateInstance callScript(LetterContent letter, String phone, String email, String languageName, String keySentence);

        static native MailTemplateInstance teamNotice(String subject, String recipientName, List<String> lines, String url);
    }

    /**
     * What the letter is about; {@code newDate} only for a delayed decision or a reopened role, {@code roles} only for a
     * withdrawal from several applications at once.
     */
    public record Content(MessageKind kind, String personalNote, LocalDate newDate, boolean confirmation, List<String> roles,
                          InterviewFacts interview, Stage stage) {
        public Content(MessageKind kind, String personalNote, LocalDate newDate, boolean confirmation) {
            this(kind, personalNote, newDate, confirmation, List.of(), null, null);
        }

        public Content(MessageKind kind, String personalNote, LocalDate newDate, boolean confirmation, List<String> roles) {
            this(kind, personalNote, newDate, confirmation, roles, null, null);
        }

        public Content(MessageKind kind, String personalNote, LocalDate newDate, boolean confirmation, List<String> roles,
                       InterviewFacts interview) {
            this(kind, personalNote, newDate, confirmation, roles, interview, null);
        }

        /** A stage update: the stage the application moves to and the decision date it is promised there. */
        public static Content stageUpdate(Stage stage, LocalDate promise, String personalNote) {
            return new Content(MessageKind.STAGE_UPDATE, personalNote, promise, false, List.of(), null, stage);
        }
    }

    /** An interview as it is stored; the composer words and formats it for the candidate. */
    public record InterviewFacts(Instant startsAt, String kind, String location, List<String> people) {
    }

    public Composed compose(Application application, User sender, Content content) {
        return compose(application, sender, content, application.candidate.preferredChannel);
    }

    /** As {@link #compose(Application, User, Content)}, for an explicit channel (a written confirmation goes by e-mail). */
    public Composed compose(Application application, User sender, Content content, Channel channel) {
        return compose(application, sender, content, channel, null, templates.current(content.kind(), languages.of(application.candidate)));
    }

    /**
     * As {@link #compose(Application, User, Content)}, from the template chosen for the letter (null: the kind's default;
     * 0: the standard letter; see {@link LetterTemplates#chosen}).
     */
    public Composed composeChosen(Application application, User sender, Content content, Long templateId) {
        return compose(application, sender, content, application.candidate.preferredChannel, null,
                templates.chosen(content.kind(), templateId, application.requisition, languages.of(application.candidate)));
    }

    /**
     * As {@link #compose(Application, User, Content)}, from a template as typed (the editor's preview); null: the
     * built-in letter.
     */
    public Composed composeWith(Application application, User sender, Content content, LetterTemplates.Edited template) {
        return compose(application, sender, content, Channel.EMAIL, null, Optional.ofNullable(template));
    }

    /**
     * A composer for one bulk notice (a role put on hold, cancelled, filled or reopened): the same letters as
     * {@link #compose(Application, User, Content)}, but each distinct letter is rendered from its template once.
     * Among the candidates of a role the letters differ only in the greeting (their language and channel aside),
     * so the letter is rendered with a marker for the greeting, and each candidate's greeting put in its place,
     * escaped for the HTML part as the template escapes it. Use one per bulk notice and let it go.
     */
    public Bulk bulk() {
        return new Bulk();
    }

    /** See {@link #bulk()}. */
    public final class Bulk {
        /** The letter's two parts with {@link #GREETING} in them, per letter without its candidate; empty: render each in full. */
        private final Map<LetterContent, Optional<String[]>> rendered = new HashMap<>();
        /** The team's template per kind and language, looked up once per bulk notice (a query per letter would flush the batch). */
        private final Map<String, Optional<LetterTemplates.Edited>> edited = new HashMap<>();

        private Bulk() {
        }

        public Composed compose(Application application, User sender, Content content) {
            String language = languages.of(application.candidate);
            Optional<LetterTemplates.Edited> template = edited.computeIfAbsent(content.kind() + "/" + language,
                    k -> templates.current(content.kind(), language));
            return MessageComposer.this.compose(application, sender, content, application.candidate.preferredChannel,
                    template.isPresent() ? null : rendered, template);
        }
    }

    /** Stands for the greeting in a letter rendered for many candidates: left alone by the HTML escaping, never in a letter. */
    static final String GREETING = "{{candor:greeting:7d3f}}";
    private static final HtmlEscaper HTML = new HtmlEscaper(List.of());

    private Composed compose(Application application, User sender, Content content, Channel channel, Map<LetterContent, Optional<String[]>> rendered,
                             Optional<LetterTemplates.Edited> template) {
        if (!content.kind().toCandidate()) {
            throw new IllegalArgumentException(content.kind() + " is not a letter to a candidate");
        }
        Candidate c = application.candidate;
        String language = languages.of(c);
        LetterWords msg = msg(language);
        Locale locale = Locale.forLanguageTag(language);
        String role = MailHeaders.oneLine(application.requisition.title);
        String company = MailHeaders.oneLine(config.companyName());
        String when = content.interview() == null ? null : when(content.interview().startsAt(), locale);
        String subject = MailHeaders.oneLine(switch (content.kind()) {
            case OFFER -> msg.subjectOffer(role, company);
            case REJECTION -> msg.subjectRejection(role, company);
            case ROLE_ON_HOLD -> msg.subjectOnHold(role, company);
            case ROLE_CANCELLED -> msg.subjectCancelled(role, company);
            case DECISION_DELAYED -> msg.subjectDelayed(role, company);
            case STAGE_UPDATE -> msg.subjectStageUpdate(role, company);
            case WITHDRAWAL_ACKNOWLEDGEMENT -> msg.subjectWithdrawn(role, company);
            case INTERVIEW_INVITATION -> msg.subjectInterview(role, company, when);
            case INTERVIEW_RESCHEDULED -> msg.subjectInterviewMoved(role, company, when);
            case INTERVIEW_CANCELLED -> msg.subjectInterviewCancelled(role, company, when);
            case FEEDBACK -> msg.subjectFeedback(role, company);
            case INTERVIEW_DEBRIEF -> msg.subjectDebrief(role, company);
            case ROLE_FILLED -> msg.subjectFilled(role, company);
            case ROLE_REOPENED -> msg.subjectReopened(role, company);
            case WITHDRAWAL_NOTICE, FEEDBACK_REQUEST_NOTICE, FEEDBACK_REMINDER, CLOSURE_DIGEST -> throw new IllegalArgumentException(content.kind().name());
        });
        LetterContent.InterviewDetails interview = content.interview() == null ? null
                : new LetterContent.InterviewDetails(when, switch (content.interview().kind()) {
                    case "PHONE" -> msg.kindPhone();
                    case "VIDEO" -> msg.kindVideo();
                    default -> msg.kindOnSite();
                }, content.interview().location() == null ? null : MailHeaders.oneLine(content.interview().location()),
                        content.interview().people());
        String newDate = content.newDate() == null ? null : date(content.newDate(), locale);
        String stage = content.kind() == MessageKind.STAGE_UPDATE ? stageName(msg, content.stage()) : null;
        String decisionDate = keepsPromise(content.kind()) && application.promisedDecisionDate != null && !application.stage.isTerminal()
                ? date(application.promisedDecisionDate, locale) : null;
        LetterContent letter = new LetterContent(content.kind(), language, subject, greeting(msg, language, c), c.firstName + " " + c.lastName, role, company,
                sender.fullName, sender.jobTitle, lines(content.personalNote()), newDate, content.confirmation(),
                content.roles().stream().map(MailHeaders::oneLine).toList(), channel == Channel.EMAIL ? links(msg, content.kind()) : List.of(),
                interview, stage, decisionDate);

        String html;
        String text;
        Long templateVersion = null;
        if (template.isPresent()) {
            // The team's template: only its placeholders, every value escaped in the HTML part (see TemplateText).
            LetterTemplates.Rendered edited = template.get().render(letter);
            subject = MailHeaders.oneLine(edited.subject());
            html = edited.html();
            text = edited.text();
            templateVersion = template.get().versionId();
        } else {
            String[] parts = rendered == null ? render(letter, locale) : renderShared(letter, locale, rendered);
            html = parts[0];
            text = parts[1];
        }
        String script = null;
        String recipient = c.email;
        if (channel == Channel.PHONE) {
            recipient = c.phone == null ? c.email : c.phone;
            script = Templates.callScript(letter, recipient, c.email, locale.getDisplayLanguage(Locale.ENGLISH),
                    keySentence(msg, letter)).render();
        }
        return new Composed(content.kind(), channel, recipient, language, subject, html, text, script, null, templateVersion);
    }

    /** The letter's HTML and text parts. */
    private static String[] render(LetterContent letter, Locale locale) {
        TemplateInstance mail = Templates.letter(letter).templateInstance();
        mail.setLocale(locale);
        return new String[] {render(mail, "text/html", locale), render(mail, "text/plain", locale)};
    }

    /**
     * As {@link #render(LetterContent, Locale)}, from the letter rendered once for every candidate who gets the same one but
     * for the greeting. Should the marker not stand exactly once in each part, every such letter is rendered in full.
     */
    private static String[] renderShared(LetterContent letter, Locale locale, Map<LetterContent, Optional<String[]>> rendered) {
        LetterContent shared = new LetterContent(letter.kind(), letter.language(), letter.subject(), GREETING, null, letter.role(), letter.company(),
                letter.senderName(), letter.senderTitle(), letter.noteLines(), letter.newDate(), letter.confirmation(), letter.roles(),
                letter.links(), letter.interview(), letter.stage(), letter.decisionDate());
        Optional<String[]> parts = rendered.computeIfAbsent(shared, l -> {
            String[] p = render(l, locale);
            return once(p[0]) && once(p[1]) ? Optional.of(p) : Optional.empty();
        });
        if (parts.isEmpty()) {
            return render(letter, locale);
        }
        return new String[] {parts.get()[0].replace(GREETING, HTML.map(letter.greeting(), null)), parts.get()[1].replace(GREETING, letter.greeting())};
    }

    private static boolean once(String part) {
        int at = part.indexOf(GREETING);
        return at >= 0 && part.indexOf(GREETING, at + 1) < 0;
    }

    /** The company's name as letters write it (one line). */
    public String companyName() {
        return MailHeaders.oneLine(config.companyName());
    }

    /** The candidate's language if Candor writes it, else the first configured one. */
    private static LetterWords msg(String language) {
        return MessageBundles.get(LetterWords.class, Localized.Literal.of(language));
    }

    private static String greeting(LetterWords msg, String language, Candidate c) {
        if (c.firstNameTerms) {
            return msg.greetingFirstName(c.firstName);
        }
        if (c.salutation != null && !c.salutation.isBlank()) {
            return Greeting.formal(msg, language, c.salutation, c.firstName, c.lastName);
        }
        return msg.greetingFullName(c.firstName, c.lastName);
    }

    private static String keySentence(LetterWords msg, LetterContent letter) {
        return switch (letter.kind()) {
            case OFFER -> msg.bodyOffer(letter.role(), letter.company());
            case REJECTION -> msg.bodyRejection(letter.role());
            case ROLE_ON_HOLD -> msg.bodyOnHold(letter.role());
            case ROLE_CANCELLED -> msg.bodyCancelled(letter.role());
            case DECISION_DELAYED -> msg.bodyDelayed(letter.role(), letter.newDate());
            case STAGE_UPDATE -> msg.bodyStageUpdate(letter.role(), letter.stage(), letter.newDate());
            case WITHDRAWAL_ACKNOWLEDGEMENT -> letter.manyRoles() ? msg.bodyWithdrawnMany() + " " + String.join(", ", letter.roles())
                    : msg.bodyWithdrawn(letter.role());
            case INTERVIEW_INVITATION -> msg.bodyInterview(letter.role()) + " " + interviewSummary(msg, letter);
            case INTERVIEW_RESCHEDULED -> msg.bodyInterviewMoved(letter.role()) + " " + interviewSummary(msg, letter);
            case INTERVIEW_CANCELLED -> msg.bodyInterviewCancelled(letter.role(), letter.interview().when());
            case FEEDBACK -> msg.bodyFeedback(letter.role()) + " " + String.join(" ", letter.noteLines());
            case INTERVIEW_DEBRIEF -> msg.bodyDebrief(letter.role());
            case ROLE_FILLED -> msg.bodyFilled(letter.role());
            case ROLE_REOPENED -> msg.bodyReopened(letter.role(), letter.newDate());
            case WITHDRAWAL_NOTICE, FEEDBACK_REQUEST_NOTICE, FEEDBACK_REMINDER, CLOSURE_DIGEST -> throw new IllegalArgumentException(letter.kind().name());
        };
    }

    /**
     * The candidate's links in a letter of this kind: where they stand, always; withdraw while the
     * application is open (a closing letter would offer an action that no longer exists); ask for
     * feedback after a rejection; tell us how the interview went, in the debrief.
     */
    static List<LinkPurpose> linkPurposes(MessageKind kind) {
        return switch (kind) {
            case OFFER, ROLE_ON_HOLD, ROLE_REOPENED, DECISION_DELAYED, STAGE_UPDATE, INTERVIEW_INVITATION, INTERVIEW_RESCHEDULED, INTERVIEW_CANCELLED ->
                    List.of(LinkPurpose.STATUS, LinkPurpose.WITHDRAW);
            case REJECTION -> List.of(LinkPurpose.STATUS, LinkPurpose.FEEDBACK);
            case ROLE_CANCELLED, WITHDRAWAL_ACKNOWLEDGEMENT, FEEDBACK -> List.of(LinkPurpose.STATUS);
            case INTERVIEW_DEBRIEF -> List.of(LinkPurpose.DEBRIEF, LinkPurpose.STATUS);
            case ROLE_FILLED -> List.of(LinkPurpose.STATUS); // a kind rejection: closed, nothing to withdraw, no feedback to ask for
            case WITHDRAWAL_NOTICE, FEEDBACK_REQUEST_NOTICE, FEEDBACK_REMINDER, CLOSURE_DIGEST -> List.of();
        };
    }

    /** A date in a letter: one format per language (the long one: "16 December 2026", "16. Dezember 2026"). */
    private static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Languages.dates(locale)).format(date);
    }

    /** Letters written while a promise stands, which name its date; the delay, reopen and stage letters name their new one. */
    private static boolean keepsPromise(MessageKind kind) {
        return switch (kind) {
            case INTERVIEW_INVITATION, INTERVIEW_RESCHEDULED, INTERVIEW_CANCELLED, INTERVIEW_DEBRIEF -> true;
            default -> false;
        };
    }

    private static String stageName(LetterWords msg, Stage stage) {
        if (stage == null) {
            throw new IllegalArgumentException("a stage update names its stage");
        }
        return switch (stage) {
            case SCREENING -> msg.stageScreening();
            case INTERVIEW -> msg.stageInterview();
            case FINAL_INTERVIEW -> msg.stageFinalInterview();
            default -> throw new IllegalArgumentException("no stage update for " + stage);
        };
    }

    /** The interview's moment for the candidate: a full date and the time, in the company's time zone (named). */
    private String when(Instant at, Locale locale) {
        ZonedDateTime local = at.atZone(config.timeZone());
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Languages.dates(locale)).format(local) + ", "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Languages.dates(locale)).format(local) + " (" + config.timeZone().getId() + ")";
    }

    private static String interviewSummary(LetterWords msg, LetterContent letter) {
        if (letter.interview() == null) {
            return "";
        }
        return msg.interviewWhen() + " " + letter.interview().when() + ". " + msg.interviewWho() + " " + String.join("; ", letter.interview().people()) + ".";
    }

    private List<LetterContent.LetterLink> links(LetterWords msg, MessageKind kind) {
        List<LetterContent.LetterLink> all = new ArrayList<>(linkPurposes(kind).stream().map(p -> new LetterContent.LetterLink(switch (p) {
            case STATUS -> msg.linkStatus();
            case WITHDRAW -> msg.linkWithdraw();
            case FEEDBACK -> msg.linkFeedback();
            case DEBRIEF -> msg.linkDebrief();
        }, links.letterUrl(p))).toList());
        // The company's privacy notice (candor.privacy.notice-url), the same for everyone: last, under the personal links.
        config.privacy().noticeUrl().filter(u -> !u.isBlank()).ifPresent(u -> all.add(new LetterContent.LetterLink(msg.linkPrivacyNotice(), u.strip())));
        return all;
    }

    /**
     * A notice to the recruiter about one of their candidates (in English, like the rest of the team's
     * Candor), with a link to the application. Null when the recruiter has no e-mail address: the
     * application page shows the news either way.
     */
    public Composed composeTeamNotice(Application application, MessageKind kind, User recipient, String subject, List<String> lines) {
        return composeTeamNotice(application, kind, recipient, subject, lines, "/applications/" + application.id);
    }

    /** As above, linking to {@code path} in Candor. */
    public Composed composeTeamNotice(Application application, MessageKind kind, User recipient, String subject, List<String> lines,
                                      String path) {
        if (kind.toCandidate()) {
            throw new IllegalArgumentException(kind + " is a letter to a candidate");
        }
        if (recipient == null || recipient.email == null || recipient.email.isBlank()) {
            return null;
        }
        String oneLineSubject = MailHeaders.oneLine(subject);
        return composeTeamMail(kind, recipient, oneLineSubject,
                Templates.teamNotice(oneLineSubject, recipient.fullName, lines, publicUrl.base() + path));
    }

    /**
     * Team mail from a feature's own mail template (both parts, {@code .html} and {@code .txt}), in
     * English like the rest of the team's Candor; the subject goes on one line. Null when the recipient
     * has no e-mail address.
     */
    public Composed composeTeamMail(MessageKind kind, User recipient, String subject, MailTemplateInstance template) {
        if (kind.toCandidate()) {
            throw new IllegalArgumentException(kind + " is a letter to a candidate");
        }
        if (recipient == null || recipient.email == null || recipient.email.isBlank()) {
            return null;
        }
        TemplateInstance mail = template.templateInstance();
        Locale locale = Locale.ENGLISH;
        mail.setLocale(locale);
        return new Composed(kind, Channel.EMAIL, recipient.email, "en", MailHeaders.oneLine(subject), render(mail, "text/html", locale),
                render(mail, "text/plain", locale), null);
    }

    /**
     * The recruiters' daily digest: from the team's edited template when there is one (see {@link LetterTemplates}),
     * else from the digest's own mail template {@code builtIn}. Null when the recipient has no e-mail address.
     */
    public Composed composeDigest(User recipient, String subject, MailTemplateInstance builtIn, DigestFacts facts) {
        Optional<LetterTemplates.Edited> edited = templates.current(MessageKind.CLOSURE_DIGEST, Placeholders.TEAM_LANGUAGE);
        if (edited.isEmpty()) {
            return composeTeamMail(MessageKind.CLOSURE_DIGEST, recipient, subject, builtIn);
        }
        return composeDigestWith(recipient, facts, edited.get());
    }

    /** The digest from a template (the one in force, or one as typed for the editor's preview); null without an address. */
    public Composed composeDigestWith(User recipient, DigestFacts facts, LetterTemplates.Edited template) {
        if (recipient == null || recipient.email == null || recipient.email.isBlank()) {
            return null;
        }
        LetterTemplates.Rendered r = template.render(facts);
        return new Composed(MessageKind.CLOSURE_DIGEST, Channel.EMAIL, recipient.email, Placeholders.TEAM_LANGUAGE,
                MailHeaders.oneLine(r.subject()), r.html(), r.text(), null, null, template.versionId());
    }

    private static List<String> lines(String note) {
        if (note == null || note.isBlank()) {
            return List.of();
        }
        return Arrays.stream(note.strip().split("\\R")).map(String::stripTrailing).toList();
    }

    private static String render(TemplateInstance instance, String contentType, Locale locale) {
        @SuppressWarnings("unchecked")
        List<Variant> variants = (List<Variant>) instance.getAttribute(TemplateInstance.VARIANTS);
        Variant variant = variants.stream().filter(v -> contentType.equals(v.getContentType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("mail template has no " + contentType + " part"));
        instance.setAttribute(TemplateInstance.SELECTED_VARIANT, new Variant(locale, variant.getContentType(), variant.getEncoding()));
        return instance.render();
    }
}
