package app.candor.support;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Holds GreenMail's deliveries until the test lets them through ({@link MailServer#gateDeliveries()}): {@link #allow}
 * lets a number more through, {@link #open} all of them. A sender whose mail waits here is mid-send: the SMTP
 * conversation is open and the server has not answered the DATA yet. Nothing waits longer than {@link #MAX_WAIT_SECONDS} seconds
 * (then the delivery goes through anyway), so a failed test never leaves the server hanging.
 */
public final class DeliveryGate {

    static final long MAX_WAIT_SECONDS = 120;

    private final Semaphore permits = new Semaphore(0, true);
    private volatile boolean open;

    void pass() {
        if (open) {
            return;
        }
        try {
            permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** How many deliveries wait at the gate right now (each is a sender held mid-send). */
    public int waiting() {
        return permits.getQueueLength();
    }
}
