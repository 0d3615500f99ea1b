package app.candor.system;

/** A page number from a query string, for the lists that come a page at a time. */
public final class PageNumber {

    private PageNumber() {
    }

    /** 1 when absent; anything but a whole number from 1 is a 400 that names the parameter. */
    public static int parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as a zero
        }
        throw ProblemException.invalidField("page", "must be a whole number from 1");
    }
}
