package app.candor.application;

import app.candor.system.ProblemException;

import java.util.Locale;

/**
 * Which cards the requisition page's pipeline shows: one stage, and/or those needing attention (the query string's
 * {@code stage} and {@code attention}; absent: all). The closed applications' table is not filtered.
 */
public record PipelineFilter(Stage stage, Attention attention) {

    public static final PipelineFilter NONE = new PipelineFilter(null, null);

    /** What needs attention, as the cards' badges say it. */
    public enum Attention {
        ANY("Needs attention"), OVERDUE("Overdue"), DUE_SOON("Due soon"), CHASED("Chased");

        public final String label;

        Attention(String label) {
            this.label = label;
        }

        /** The value in the query string: {@code overdue}, {@code due-soon}... */
        public String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean matches(ApplicationSummary a) {
            return switch (this) {
                case ANY -> a.overdue() || a.dueSoon() || a.chased();
                case OVERDUE -> a.overdue();
                case DUE_SOON -> a.dueSoon();
                case CHASED -> a.chased();
            };
        }
    }

    /** Refuses (400, naming the field) a stage that is not a pipeline stage and an unknown attention value. */
    public static PipelineFilter parse(String stage, String attention) {
        Stage s = null;
        if (stage != null && !stage.isBlank()) {
            s = Stage.pipeline().stream().filter(p -> p.name().equalsIgnoreCase(stage.strip())).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("stage", "must be one of the pipeline's stages"));
        }
        Attention a = null;
        if (attention != null && !attention.isBlank()) {
            for (Attention candidate : Attention.values()) {
                if (candidate.value().equals(attention.strip().toLowerCase(Locale.ROOT))) {
                    a = candidate;
                }
            }
            if (a == null) {
                throw ProblemException.invalidField("attention", "must be any, overdue, due-soon or chased");
            }
        }
        return new PipelineFilter(s, a);
    }

    public boolean any() {
        return stage != null || attention != null;
    }

    /** Whether a column shows at all: with a stage chosen, only that one (the closed stages are never filtered). */
    public boolean shows(Stage column) {
        return column.isTerminal() || stage == null || stage == column;
    }

    /** Whether an open application's card shows. */
    public boolean shows(ApplicationSummary a) {
        return a.stage().isTerminal() || (shows(a.stage()) && (attention == null || attention.matches(a)));
    }
}
