package app.candor.message;

import app.candor.system.CandorConfig;
import io.quarkus.arc.Arc;
import org.hibernate.annotations.ValueGenerationType;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;

/**
 * Fills in a new message's Message-ID header ({@code <candor-42@domain>}) as its row is inserted, once the id
 * is known. Hibernate assigns a sequence id at persist, but takes the values to insert at the same moment: a
 * header set after persist costs a second UPDATE of the whole (wide) row, and a bulk notice writes 10 000 of
 * them. Hibernate calls this at flush, with the id assigned, and inserts the header with the row.
 */
public class MessageIdHeaderGenerator implements BeforeExecutionGenerator {

    /** What a new message carries until its row is inserted. */
    public static final String PENDING = "pending";

    /** On {@link Message#messageIdHeader}: a {@link #PENDING} header becomes the message's own at insert. */
    @ValueGenerationType(generatedBy = MessageIdHeaderGenerator.class)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD})
    public @interface Generated {
    }

    @Override
    public Object generate(SharedSessionContractImplementor session, Object owner, Object currentValue, EventType eventType) {
        Message m = (Message) owner;
        if (!PENDING.equals(currentValue) || m.id == null) {
            return currentValue; // a header set on purpose (tests, imports) stays
        }
        return header(m.id, MailIdentity.messageIdDomain(Arc.container().instance(CandorConfig.class).get().mail()));
    }

    /** Stable across retries and resends, so a receiving server can recognise a repeat. */
    static String header(long id, String domain) {
        return "<candor-" + id + "@" + MailHeaders.oneLine(domain) + ">";
    }

    @Override
    public EnumSet<EventType> getEventTypes() {
        return EnumSet.of(EventType.INSERT);
    }
}
