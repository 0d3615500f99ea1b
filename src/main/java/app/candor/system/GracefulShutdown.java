package app.candor.system;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The first thing on shutdown: no scheduled job (sweep, digest, reminders, debriefs, the dispatcher's poll)
 * starts any more. The scheduler itself only stops when the beans are destroyed, after the dispatcher has
 * finished its delivery in flight (up to quarkus.shutdown.timeout); a job starting in that window would
 * have its database taken away mid-way. Another instance runs the next one; each job is safe to repeat.
 */
@ApplicationScoped
public class GracefulShutdown {

    @Inject
    Scheduler scheduler;

    void pauseScheduledJobs(@Observes @Priority(1) ShutdownEvent event) {
        scheduler.pause();
        Log.info("Shutting down: scheduled jobs paused, the dispatcher finishes the message it is sending");
    }
}
