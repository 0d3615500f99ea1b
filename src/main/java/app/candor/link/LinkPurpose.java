package app.candor.link;

/** What a candidate link does. Each has its own path, and a token works for its own purpose only. */
public enum LinkPurpose {
    WITHDRAW("withdraw"),
    STATUS("status"),
    FEEDBACK("feedback"),
    /** After an interview: how it went for the candidate, and whether they are still interested. */
    DEBRIEF("debrief");

    /** The page: /c/{path}?t=token */
    public final String path;

    LinkPurpose(String path) {
        this.path = path;
    }

    /**
     * Stands in the stored letter where the token goes: a personal token is minted when the mail
     * leaves, so no token is ever stored in the clear, and the history reads as what was sent.
     */
    public String placeholder() {
        return "{personal-" + path + "-token}";
    }
}
