package app.candor.bulk;

/** What can be done to several applications of a requisition at once. */
public enum BulkAction {
    REJECT("Reject", "a rejection letter each"),
    MOVE("Move to another stage", "a stage update each, if you choose to tell them"),
    DELAY("Delay the decision", "an apology with the new date each");

    public final String label;
    public final String letters;

    BulkAction(String label, String letters) {
        this.label = label;
        this.letters = letters;
    }
}
