package app.candor.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The error summary speaks in plain words: "Promised decision date is required…", not "promisedDecisionDate: is required…". */
class FormSentenceTest {

    @Test
    void fieldErrorsReadAsSentences() {
        assertThat(Form.sentence("promisedDecisionDate", "is required: the new date")).isEqualTo("Promised decision date is required: the new date");
        assertThat(Form.sentence("note", "must not contain control characters")).isEqualTo("Note must not contain control characters");
        assertThat(Form.sentence("reasonId", "'x' is not a number")).isEqualTo("Reason id: 'x' is not a number");
        assertThat(Form.sentence("note", "note is required when moving backwards")).isEqualTo("note is required when moving backwards");
    }

    @Test
    void theSummaryListsFieldErrorsFirst() {
        Form form = Form.empty().fail(ProblemException.invalid("x", List.of(Problem.FieldError.field("stage", "choose the stage to move to"))));
        assertThat(form.messages()).containsExactly("Stage: choose the stage to move to");
    }
}
