package app.candor.application;

/**
 * Whether a candidate has had closure. OPEN until they have been told a final answer: an offer or
 * rejection sent (or called), their withdrawal acknowledged, a role-closed or role-filled notice sent.
 * SUSPENDED while the role is on hold (the promise is paused, the candidate was told). CLOSED is final.
 * On track, due soon and overdue are not stored states: they follow from the promised date and today.
 */
public enum ClosureState {
    OPEN, SUSPENDED, CLOSED
}
