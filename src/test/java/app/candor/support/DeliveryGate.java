package app.candor.support;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds GreenMail's deliveries until the test lets them through ({@link MailServer#gateDeliveries()}): {@link #allow}
 * lets a number more through, {@link #open} all of them. A sender whose mail waits here is mid-send: the SMTP
 * conversation is open and the server has not answered the DATA yet. GreenMail delivers one mail at a time, so
 * at most one waits here; any other sender waits behind it, just as mid-send. Nothing waits longer than
 * {@link #MAX_WAIT_SECONDS} seconds (then the delivery goes through anyway), so a failed test never leaves the
 * server hanging. While a delivery waits here, GreenMail's own lists may wait too: count with {@link #passed}.
 */
public final class DeliveryGate {

    static final long MAX_WAIT_SECONDS = 120;

    private final Semaphore permits = new Semaphore(0, true);
    private final AtomicInteger passed = new AtomicInteger();
    private volatile boolean open;

    void pass() {
        if (!open) {
            try {
                permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        passed.incrementAndGet();
    }

    /** Deliveries let through so far. */
    public int passed() {
        return passed.get();
    }

    /** Lets {@code deliveries} more deliveries through. */
    public void allow(int deliveries) {
        permits.release(deliveries);
    }

    /** Lets every delivery through from now on, the waiting ones too. */
    public void open() {
        open = true;
        permits.release(Integer.MAX_VALUE / 2);
    }

    /** How many deliveries wait at the gate right now (0 or 1, see above). */
    public int waiting() {
        return permits.getQueueLength();
    }
}
