package app.candor.link;

/**
 * A candidate link that cannot be used: unknown, tampered with, expired or for another page (all the
 * same calm 404 page, which says nothing of why), or an address that has to wait (429).
 */
public class LinkRefused extends RuntimeException {

    public final boolean slowDown;

    private LinkRefused(boolean slowDown) {
        super(slowDown ? "too many failed link attempts" : "unusable link", null, false, false);
        this.slowDown = slowDown;
    }

    public static LinkRefused unusable() {
        return new LinkRefused(false);
    }

    public static LinkRefused slowDown() {
        return new LinkRefused(true);
    }
}
