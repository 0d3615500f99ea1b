package app.candor.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** For the page layout: whether mail really leaves this machine. */
@Named("mailMode")
@ApplicationScoped
public class MailMode {

    @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false")
    boolean mock;

    public boolean isMock() {
        return mock;
    }
}
