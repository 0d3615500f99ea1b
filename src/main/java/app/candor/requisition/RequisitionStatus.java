package app.candor.requisition;

public enum RequisitionStatus {
    OPEN, ON_HOLD, CANCELLED, FILLED
}
