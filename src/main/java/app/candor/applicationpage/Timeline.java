package app.candor.applicationpage;

import app.candor.application.ApplicationView;
import app.candor.candidate.Channel;
import app.candor.closure.ChaserView;
import app.candor.interview.InterviewState;
import app.candor.interview.InterviewView;
import app.candor.message.MessageState;
import app.candor.message.MessageView;
import app.candor.system.TemplateExtensions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything that happened to an application in one list, newest first: messages, stage moves and notes,
 * interviews, chasers, and what the candidate did through their links.
 */
final class Timeline {

    private Timeline() {
    }

    static List<TimelineEntry> of(ApplicationView a, List<MessageView> messages, List<InterviewView> interviews, List<ChaserView> chasers) {
        List<TimelineEntry> entries = new ArrayList<>();
        LocalDate promise = null;
        int n = 0;
        for (ApplicationView.HistoryEntry h : a.history()) {
            n++;
            String promiseLine = h.promisedDecisionDate() == null ? null
                    : "Decision promised by " + TemplateExtensions.human(h.promisedDecisionDate()) + ".";
            if (h.from() == null) {
                entries.add(entry(h, "stage", n, "Added as a candidate (" + h.to().label + ")", promiseLine, null));
            } else if (h.from() != h.to()) {
                entries.add(entry(h, "stage", n, "Moved from " + h.from().label + " to " + h.to().label, promiseLine,
                        h.correction() ? "Correction" : null));
            } else if (!Objects.equals(promise, h.promisedDecisionDate()) && h.promisedDecisionDate() != null) {
                entries.add(entry(h, "stage", n, "Decision date moved", promiseLine, null));
            } else {
                entries.add(entry(h, "note", n, "Note", null, null));
            }
            promise = h.promisedDecisionDate();
        }
        for (MessageView m : messages) {
            entries.add(new TimelineEntry(m.createdAt(), "message", "message-" + m.id(),
                    m.kind().label + (m.channel() == Channel.PHONE ? " (call)" : " (e-mail)"), messageDetail(m), null,
                    m.sentBy(), m.state().label, tone(m.state()), "/messages/" + m.id(), m.subject()));
        }
        for (InterviewView i : interviews) {
            String with = i.interviewers().stream().map(p -> p.name() + ", " + p.title()).collect(Collectors.joining("; "));
            entries.add(new TimelineEntry(i.startsAt(), "interview", "interview-" + i.id(),
                    i.kind().label + " interview on " + TemplateExtensions.human(i.startsAt()),
                    i.durationMinutes() + " minutes" + (i.location() == null ? "" : ", " + i.location()) + ". With " + with + ".", null,
                    i.createdBy(), i.state().label, i.state() == InterviewState.CANCELLED ? "problem" : "ok",
                    "/interviews/" + i.id() + "/feedback", "Feedback"));
            if (i.debrief() != null) {
                var d = i.debrief();
                entries.add(new TimelineEntry(d.answeredAt(), "candidate", "debrief-" + i.id(), "The candidate answered the debrief",
                        "How it went: " + d.howItWentLabel() + ". " + (d.stillInterested() ? "Still interested." : "No longer interested."),
                        d.note(), "(candidate)", d.stillInterested() ? null : "No longer interested", d.stillInterested() ? null : "problem",
                        null, null));
            }
        }
        for (ChaserView c : chasers) {
            String state = c.answeredAt() != null ? "Answered" : c.waiting() ? "Waiting for a reply" : "Closed";
            entries.add(new TimelineEntry(c.receivedAt(), "chaser", "chaser-" + c.id(),
                    "The candidate chased by " + (c.channel() == Channel.PHONE ? "phone" : "e-mail"),
                    c.answeredAt() == null ? null : "Answered " + TemplateExtensions.human(c.answeredAt()) + " by " + c.answeredBy() + ".",
                    c.note(), c.loggedBy(), state, c.answeredAt() != null ? "ok" : c.waiting() ? "waiting" : null, null, null));
        }
        if (a.withdrawal() != null) {
            var w = a.withdrawal();
            entries.add(new TimelineEntry(w.at(), "candidate", "withdrawn", "The candidate withdrew",
                    "Reason: " + (w.reason() == null ? "none given (none is needed)" : w.reason()) + ". They were sent an acknowledgement.",
                    w.note(), "(candidate)", null, null, null, null));
        }
        if (a.feedbackRequestedAt() != null) {
            entries.add(new TimelineEntry(a.feedbackRequestedAt(), "candidate", "feedback-asked", "The candidate asked for feedback",
                    a.feedbackAnswerMessageId() == null ? "Not answered yet." : "Answered.", null, "(candidate)",
                    a.feedbackAnswerMessageId() == null ? "Waiting for an answer" : "Answered",
                    a.feedbackAnswerMessageId() == null ? "waiting" : "ok",
                    a.feedbackAnswerMessageId() == null ? null : "/messages/" + a.feedbackAnswerMessageId(), "The feedback sent"));
        }
        // Newest first; entries of the same moment keep the order above (a move before the letter it wrote).
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries;
    }

    private static TimelineEntry entry(ApplicationView.HistoryEntry h, String type, int n, String title, String detail, String badge) {
        return new TimelineEntry(h.at(), type, "history-" + n, title, detail, h.note(), h.by(), badge, null, null, null);
    }

    private static String messageDetail(MessageView m) {
        List<String> parts = new ArrayList<>();
        parts.add("To " + m.recipient());
        if (m.scheduledFor() != null) {
            parts.add("scheduled for " + TemplateExtensions.human(m.scheduledFor()));
        }
        if (m.sentAt() != null) {
            parts.add("sent " + TemplateExtensions.human(m.sentAt()));
        }
        if (m.callDoneAt() != null) {
            parts.add("called " + TemplateExtensions.human(m.callDoneAt()) + (m.callDoneBy() == null ? "" : " by " + m.callDoneBy()));
        }
        if (m.attempts() > 1) {
            parts.add(m.attempts() + " attempts");
        }
        if (m.lastError() != null && m.state() != MessageState.SENT) {
            parts.add("last error: " + m.lastError());
        }
        return String.join(", ", parts) + ".";
    }

    private static String tone(MessageState s) {
        return switch (s) {
            case SENT, CALL_DONE -> "ok";
            case QUEUED, SCHEDULED, CALL_PENDING -> "waiting";
            case FAILED -> "problem";
            case CANCELLED -> null;
        };
    }
}
