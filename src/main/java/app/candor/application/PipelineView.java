package app.candor.application;

import app.candor.requisition.RequisitionView;

import java.util.List;

/** A requisition's candidates grouped by stage, pipeline stages first, then the closed ones. */
public record PipelineView(RequisitionView requisition, List<StageGroup> stages) {

    /** How many applications are decided (in a terminal stage). */
    public long closed() {
        return stages.stream().filter(g -> g.stage().isTerminal()).mapToLong(g -> g.applications().size()).sum();
    }

    /** The same pipeline with only the columns and cards {@code filter} shows. */
    public PipelineView filtered(PipelineFilter filter) {
        if (!filter.any()) {
            return this;
        }
        return new PipelineView(requisition, stages.stream().filter(g -> filter.shows(g.stage()))
                .map(g -> new StageGroup(g.stage(), g.applications().stream().filter(filter::shows).toList())).toList());
    }

    public record StageGroup(Stage stage, List<ApplicationSummary> applications) {
    }
}
