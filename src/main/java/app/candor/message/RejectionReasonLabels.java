package app.candor.message;

import java.util.Map;

/**
 * The labels of the rejection reasons a message may carry ({@link Message#rejectionReasonId}), for the history
 * export. The reasons belong to closure, which comes after message: closure provides this, message only asks.
 */
public interface RejectionReasonLabels {

    /** Every reason's label by its id, retired ones too (old messages still name them). */
    Map<Long, String> byId();
}
