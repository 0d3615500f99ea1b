package app.candor.requisition;

public enum RequisitionStatus {
    OPEN("Open"), ON_HOLD("On hold"), CANCELLED("Cancelled"), FILLED("Filled");

    /** How pages name the status to people (the API keeps the code). */
    public final String label;

    RequisitionStatus(String label) {
        this.label = label;
    }
}
