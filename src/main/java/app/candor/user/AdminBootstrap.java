package app.candor.user;

import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.ArrayList;
import java.util.List;

/**
 * Someone must be able to manage users: when the database has no active admin, the first one is created from
 * CANDOR_ADMIN_USER / CANDOR_ADMIN_PASSWORD, and production refuses to start without them then.
 */
@ApplicationScoped
public class AdminBootstrap {

    @Inject
    CandorConfig config;

    @Inject
    UserService users;

    /** After the demo data (demo/DemoData), which brings an admin of its own. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        createFirstAdmin();
    }

    private void createFirstAdmin() {
        if (QuarkusTransaction.requiringNew().call(User::anyActiveAdmin)) {
            return;
        }
        String username = config.firstAdmin().username().filter(s -> !s.isBlank()).orElse(null);
        String password = config.firstAdmin().password().filter(s -> !s.isBlank()).orElse(null);
        if (username == null || password == null) {
            List<String> missing = new ArrayList<>();
            if (username == null) {
                missing.add("CANDOR_ADMIN_USER");
            }
            if (password == null) {
                missing.add("CANDOR_ADMIN_PASSWORD");
            }
            String problem = "The database has no active admin and " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set: nobody could manage users.";
            if (ConfigUtils.getProfiles().contains("prod")) {
                // Quarkus prints a ConfigurationException as its bare message: one line naming what to set.
                throw new ConfigurationException("Candor cannot start in production: " + problem
                        + " Set the first admin in the environment (Secret candor-secrets); see deploy/README.md.");
            }
            Log.warn(problem);
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> users.create(new UserInput(username, password, "Administrator", null, null, List.of(Role.ADMIN))));
        } catch (RuntimeException e) {
            // Replicas starting together on an empty database: another one may have created the admin a moment
            // earlier (its commit took the user name first). That is the admin we wanted; start normally.
            if (QuarkusTransaction.requiringNew().call(User::anyActiveAdmin)) {
                Log.infof("First admin '%s' was created by another instance starting at the same time", username);
                return;
            }
            if (e instanceof ProblemException) {
                // Fail the start rather than run with an admin nobody meant (e.g. the template's CHANGE_ME).
                // No cause attached: Quarkus prints a ConfigurationException that is the root cause as its bare message.
                throw new ConfigurationException("Candor cannot start: CANDOR_ADMIN_USER / CANDOR_ADMIN_PASSWORD are not usable: " + e.getMessage());
            }
            throw e;
        }
        Log.infof("First admin '%s' created from the environment", username);
    }

}
