package app.candor.candidate;

/** How a candidate prefers to hear from us. A phone outcome still leaves a written record. */
public enum Channel {
    EMAIL, PHONE
}
