package app.candor.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal names what was wrong without repeating a huge value back in full. */
class ProblemTest {

    @Test
    void longQuotedValuesAreCutAndTheRestOfTheSentenceKept() {
        String huge = "x".repeat(100_000);
        Problem p = new Problem("about:blank", "Bad Request", 400, "stage: '" + huge + "' is not a stage; note: too long", "/api",
                List.of(Problem.FieldError.field("stage", "'" + huge + "' is not a stage")));
        assertThat(p.detail()).isEqualTo("stage: '" + "x".repeat(Problem.QUOTED_AT_MOST) + "…' is not a stage; note: too long");
        assertThat(p.errors().get(0).message()).isEqualTo("'" + "x".repeat(Problem.QUOTED_AT_MOST) + "…' is not a stage");
    }

    @Test
    void shortValuesAndTextWithoutQuotesAreLeftAsTheyAre() {
        assertThat(Problem.shortened("'abc' is not a number")).isEqualTo("'abc' is not a number");
        assertThat(Problem.shortened("must be at most 2000 characters")).isEqualTo("must be at most 2000 characters");
        assertThat(Problem.shortened(null)).isNull();
        String exactly = "'" + "y".repeat(Problem.QUOTED_AT_MOST) + "' is not a date";
        assertThat(Problem.shortened(exactly)).isEqualTo(exactly);
    }
}
