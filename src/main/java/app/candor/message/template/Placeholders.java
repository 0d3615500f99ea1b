package app.candor.message.template;

import app.candor.message.LetterContent;
import app.candor.message.MessageKind;
import io.quarkus.qute.HtmlEscaper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fixed, documented placeholders of each letter kind and their values, all taken from the {@link Letter} the
 * composer has already prepared (formatted, in the candidate's language). A template reaches these and nothing
 * else. <b>Adding a letter kind</b>: add it to {@link MessageKind}, then to the switch in {@link #of(MessageKind)}
 * (the compiler asks for it) with the placeholders it offers beyond the common ones, and document them in
 * docs/user-guide.md ("Letter templates").
 */
public final class Placeholders {

    /** A placeholder: its name, what it stands for, and its value in a letter (none for the digest's: see {@link #DIGEST}). */
    public record Placeholder(String name, String meaning, Function<LetterContent, String> value) {
    }

    private static final HtmlEscaper HTML = new HtmlEscaper(List.of());

    /** Every candidate letter offers these. */
    static final List<Placeholder> COMMON = List.of(
            new Placeholder("candidate.greeting", "the greeting their terms call for: \"Dear Dr Meitner,\", \"Hallo Ada,\"", LetterContent::greeting),
            new Placeholder("candidate.name", "first and last name", LetterContent::candidateName),
            new Placeholder("role", "the requisition's title", LetterContent::role),
            new Placeholder("company", "the company name", LetterContent::company),
            new Placeholder("recruiter.name", "who signs the letter", LetterContent::senderName),
            new Placeholder("recruiter.title", "their job title", l -> l.senderTitle() == null ? "" : l.senderTitle()),
            new Placeholder("personal.note", "the recruiter's note (the feedback itself in a feedback letter); empty without one",
                    l -> l.noteLines() == null ? "" : String.join("\n", l.noteLines())),
            new Placeholder("links", "the candidate's personal links for this kind (status, withdraw, feedback…), one per line",
                    l -> l.links() == null ? "" : l.links().stream().map(k -> k.label() + ": " + k.url()).collect(Collectors.joining("\n"))));

    static final List<Placeholder> NEW_DATE = List.of(new Placeholder("date.new", "the new promised date, written out", LetterContent::newDate));

    static final List<Placeholder> INTERVIEW = List.of(
            new Placeholder("interview.when", "date and time, with the company's zone", l -> l.interview() == null ? "" : l.interview().when()),
            new Placeholder("interview.how", "by phone, by video call, in person", l -> l.interview() == null ? "" : l.interview().how()),
            new Placeholder("interview.where", "the address or meeting link", l -> l.interview() == null || l.interview().location() == null ? ""
                    : l.interview().location()),
            new Placeholder("interview.people", "everyone the candidate meets, with their titles, one per line",
                    l -> l.interview() == null ? "" : String.join("\n", l.interview().people())));

    static final List<Placeholder> DECISION = List.of(new Placeholder("date.decision",
            "the date the decision is promised by, written out; empty when none is open", l -> l.decisionDate() == null ? "" : l.decisionDate()));

    static final List<Placeholder> STAGE = List.of(
            new Placeholder("stage.new", "the stage the application moved to, in the candidate's words", l -> l.stage() == null ? "" : l.stage()));

    static final List<Placeholder> ROLES = List.of(
            new Placeholder("roles", "every role the withdrawal closed, one per line", l -> String.join("\n", l.roles())));

    /**
     * The recruiters' daily closure digest (team mail, not a {@link Letter}): its values come from {@link DigestFacts},
     * so these have no letter value.
     */
    static final List<Placeholder> DIGEST = List.of(
            new Placeholder("recruiter.name", "the recruiter the digest goes to", null),
            new Placeholder("day", "the day, written out", null),
            new Placeholder("overdue.count", "how many promises are overdue", null),
            new Placeholder("due.soon.count", "how many are due today or the next business day", null),
            new Placeholder("overdue", "the overdue candidates, oldest promise first, one per line (candidate, role, stage, promised date, "
                    + "business days over, chased); \"none\" without any", null),
            new Placeholder("due.soon", "the candidates due soon, one per line; \"none\" without any", null),
            new Placeholder("board.url", "the closure board's address; in the HTML part as a link", null));

    /** The language the digest (team mail, in English like the rest of the team's Candor) is written and edited in. */
    public static final String TEAM_LANGUAGE = "en";

    private Placeholders() {
    }

    /** The placeholders of a kind's template, in the order the guide lists them. */
    public static List<Placeholder> of(MessageKind kind) {
        if (kind == MessageKind.CLOSURE_DIGEST) {
            return DIGEST;
        }
        List<Placeholder> all = new ArrayList<>(COMMON);
        all.addAll(switch (kind) {
            case OFFER, REJECTION, ROLE_ON_HOLD, ROLE_CANCELLED, ROLE_FILLED, FEEDBACK -> List.of();
            case INTERVIEW_DEBRIEF -> DECISION;
            case DECISION_DELAYED, ROLE_REOPENED -> NEW_DATE;
            case STAGE_UPDATE -> concat(STAGE, NEW_DATE);
            case INTERVIEW_INVITATION, INTERVIEW_RESCHEDULED, INTERVIEW_CANCELLED -> concat(INTERVIEW, DECISION);
            case WITHDRAWAL_ACKNOWLEDGEMENT -> ROLES;
            case WITHDRAWAL_NOTICE, FEEDBACK_REQUEST_NOTICE, FEEDBACK_REMINDER, CLOSURE_DIGEST ->
                    throw new IllegalArgumentException(kind + " is team mail, written by Candor");
        });
        return all;
    }

    private static List<Placeholder> concat(List<Placeholder> first, List<Placeholder> second) {
        List<Placeholder> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** Kinds whose letters the team can edit: every letter to a candidate, and the recruiters' daily digest. */
    public static List<MessageKind> editableKinds() {
        List<MessageKind> all = new ArrayList<>(MessageKind.candidateKinds());
        all.add(MessageKind.CLOSURE_DIGEST);
        return all;
    }

    /** The languages a kind is edited in: a candidate's letter in every configured one, the digest in the team's. */
    public static List<String> languages(MessageKind kind, List<String> configured) {
        return kind == MessageKind.CLOSURE_DIGEST ? List.of(TEAM_LANGUAGE) : configured;
    }

    static Map<String, Placeholder> byName(MessageKind kind) {
        Map<String, Placeholder> map = new LinkedHashMap<>();
        of(kind).forEach(p -> map.put(p.name(), p));
        return map;
    }

    /** The HTML Candor itself writes for a placeholder (the links, as links), or null: the value, escaped. */
    static String markup(String name, LetterContent letter) {
        if (!name.equals("links") || letter.links() == null || letter.links().isEmpty()) {
            return null;
        }
        return letter.links().stream().map(k -> "<a href=\"" + HTML.map(k.url(), null) + "\">" + HTML.map(k.label(), null) + "</a>")
                .collect(Collectors.joining("<br>\n"));
    }
}
