package app.candor.withdrawal;

import app.candor.application.Application;
import app.candor.application.ApplicationView;
import app.candor.application.CandidateRequests;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The candidate's withdrawal, for the application's view. */
@ApplicationScoped
public class WithdrawnFromTable implements CandidateRequests.Withdrawn {

    @Override
    public Optional<ApplicationView.WithdrawalRef> of(Application application) {
        return Withdrawal.findFor(application).map(w -> new ApplicationView.WithdrawalRef(w.withdrawnAt,
                w.reason == null ? null : w.reason.name(), w.reason == null ? null : w.reason.label, w.note));
    }
}
