package app.candor.application;

import app.candor.requisition.RequisitionView;

import java.util.List;

/** A requisition's candidates grouped by stage, pipeline stages first, then the closed ones. */
public record PipelineView(RequisitionView requisition, List<StageGroup> stages) {

    /** How many applications are decided (in a terminal stage). */
    public long closed() {
        return stages.stream().filter(g -> g.stage().isTerminal()).mapToLong(g -> g.applications().size()).sum();
    }

    public record StageGroup(Stage stage, List<ApplicationSummary> applications) {
    }
}
