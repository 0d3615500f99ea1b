package app.candor.system;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Scheduled jobs run only once start-up has finished and until shutdown begins. Quarkus's own
 * {@link Scheduled.ApplicationNotRunning} counts the application as running from its own start-up observer on, so a
 * job could still fire while a later start-up observer was failing the start (no first admin in production) and
 * print a stack trace from the half-stopped container amid the reason (ProductionConfigIT, on a slow machine).
 */
@Singleton
public class WhileStarted implements Scheduled.SkipPredicate {

    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        Application application = Application.currentApplication();
        return stopping || (application != null && !application.isStarted());
    }
}
