package app.candor.closure;

import app.candor.message.RejectionReasonLabels;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** The rejection reasons' labels for message's history export, read from their table. */
@ApplicationScoped
public class RejectionReasonLabelsFromTable implements RejectionReasonLabels {

    @Override
    public Map<Long, String> byId() {
        Map<Long, String> labels = new HashMap<>();
        RejectionReason.<RejectionReason>listAll().forEach(r -> labels.put(r.id, r.label));
        return labels;
    }
}
