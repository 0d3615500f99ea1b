package app.candor.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Parent;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Whether a candidate has been told a final answer, and by when they were promised one: the one owner of
 * an application's closure columns. Only these methods open, pause, resume, renegotiate and close the
 * watch and decide on time or late ({@link #late}); the bulk statements that do the same for many rows
 * ({@link ClosureWatches}) and the sweep ({@link ClosureSweep}) follow the same rule. Everyone else reads.
 * <p>
 * The sweep's part lives in the narrow {@code closure_watch} table (V26), as the application's {@link WatchedPromise}:
 * while the watch is OPEN it holds the promise it watches and the sweep's flags; otherwise there is none (no row).
 * {@link #sync} keeps it in step after every change.
 */
@Embeddable
public class ClosureWatch {

    /** The sweep's narrow table (V26): a row per open watch ({@link WatchedPromise}). */
    public static final String WATCH_TABLE = "closure_watch";

    /** What the closure sweep has noticed about the current promise. Stored as 0, 1, 2 in closure_watch.flag (V26's check and index). */
    public enum Flag {
        NONE, DUE_SOON, OVERDUE;

        public short code() {
            return (short) ordinal();
        }
    }

    /** How a candidate was told a final answer outside Candor's letters and calls (a plain move records one). */
    public enum ToldHow {
        IN_PERSON("in person"), PHONE("by phone"), VIDEO_CALL("in a video call"), OTHER("another way");

        public final String label;

        ToldHow(String label) {
            this.label = label;
        }
    }

    @Converter
    public static class FlagColumn implements AttributeConverter<Flag, Short> {
        @Override
        public Short convertToDatabaseColumn(Flag flag) {
            return flag == null ? null : flag.code(); // null: not watched, no closure_watch row
        }

        @Override
        public Flag convertToEntityAttribute(Short code) {
            return code == null ? null : Flag.values()[code];
        }
    }

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "closure_state", nullable = false, length = 10)
    private ClosureState state = ClosureState.OPEN;

    /**
     * The last promised decision date. Unlike the application's promised date it stays when the stage
     * closes: a rejection recorded but not yet told still owes the candidate an answer by this date.
     */
    @Column(name = "closure_due")
    private LocalDate due;

    /**
     * The application this watch belongs to (set by Hibernate on load, by {@link Application} when new): its
     * {@link WatchedPromise} holds the sweep's part. Null for a watch on its own (the rules' unit tests): then no flags.
     */
    @Parent
    private Application owner;

    /** A promise passed while the watch was open: closing later is closing late, even after a new date. */
    @Column(name = "promise_lapsed", nullable = false)
    private boolean promiseLapsed;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_late")
    private Boolean closedLate;

    /** Set when the candidate was told outside Candor's letters: how, by whom, what was said (V14). */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "told_how", length = 20)
    private ToldHow toldHow;

    @Column(name = "told_by", length = 100)
    private String toldBy;

    @Column(name = "told_note", length = 2000)
    private String toldNote;

    /** A watch on its own, outside an application (the rules alone; no flags). */
    public ClosureWatch() {
    }

    ClosureWatch(Application owner) {
        this.owner = owner;
    }

    /**
     * The one closed-late rule: closing on {@code day} is late if a promise lapsed while the watch was
     * open, or if the watch is open now and its date has passed. A paused watch (role on hold) is not late
     * for the pause. {@link ClosureWatches#toldAll} applies this same method to rows it does not load.
     */
    public static boolean late(ClosureState state, LocalDate due, boolean promiseLapsed, LocalDate day) {
        return promiseLapsed || (state == ClosureState.OPEN && due != null && day.isAfter(due));
    }

    /** A new application's first promise: watched from now. */
    public void open(LocalDate promise) {
        state = ClosureState.OPEN;
        due = promise;
        clearFlags();
        sync();
    }

    /**
     * A new promised date. Moving the promise before it lapses renegotiates it (it stays kept); once it
     * has passed with the watch open, the application stays late whatever date follows. The sweep's flags
     * belong to the old promise and are cleared. A null date (a closing stage) keeps the last promise:
     * the candidate is owed the answer by it until they are told.
     */
    public void promise(LocalDate date, LocalDate today) {
        if (date == null || date.equals(due) || state == ClosureState.CLOSED) {
            return;
        }
        if (state == ClosureState.OPEN && due != null && today.isAfter(due)) {
            promiseLapsed = true;
        }
        due = date;
        clearFlags();
        sync();
    }

    /** The role is on hold: the promise is paused. Only an open watch pauses; a promise already passed has lapsed. */
    public void suspend(LocalDate today) {
        if (state == ClosureState.OPEN) {
            if (due != null && today.isAfter(due)) {
                promiseLapsed = true;
            }
            state = ClosureState.SUSPENDED;
            sync();
        }
    }

    /**
     * Watched again (the role reopened, or it ended while on hold and its candidates are still to be told).
     * Call after setting a fresh promise, if any, while still paused, so the pause does not count as a lapse.
     * The sweep's flags are cleared; a promise that had lapsed before the hold stays lapsed.
     */
    public void resume() {
        if (state != ClosureState.SUSPENDED) {
            return;
        }
        state = ClosureState.OPEN;
        clearFlags();
        sync();
    }

    /**
     * Watched again because the role ended while it was paused: the candidate is still owed the answer by their
     * promise, or by {@code owedBy} if that passed during the pause (the pause is not a lapse).
     */
    public void resumeOwing(LocalDate today, LocalDate owedBy) {
        if (state != ClosureState.SUSPENDED) {
            return;
        }
        if (due == null || due.isBefore(today)) {
            due = owedBy;
        }
        resume();
    }

    /** The candidate has been told a final answer at {@code at}; returns whether this closed the watch (false if it was closed). */
    public boolean told(Instant at, LocalDate day) {
        if (state == ClosureState.CLOSED) {
            return false;
        }
        closedLate = late(state, due, promiseLapsed, day);
        promiseLapsed = closedLate; // closing late: a promise passed while open (ClosureWatches#toldAll records the same)
        state = ClosureState.CLOSED;
        closedAt = at;
        sync();
        return true;
    }

    /**
     * The letter that closed the watch at {@code closedBy} came back undelivered: the candidate was not told after all,
     * so the watch is open again by the promise it had (late if that has passed), for the recruiter to tell them another
     * way. A watch closed by an answer given another way, or by another letter, stays closed. Returns whether it opened.
     */
    public boolean notToldAfterAll(Instant closedBy) {
        if (state != ClosureState.CLOSED || toldHow != null || closedAt == null || !closedAt.equals(closedBy)) {
            return false;
        }
        state = ClosureState.OPEN;
        closedAt = null;
        closedLate = null;
        clearFlags();
        sync();
        return true;
    }

    /** As {@link #told}, for an answer given outside Candor's letters: who gave it, how, and what they said. */
    public boolean toldAnotherWay(Instant at, LocalDate day, ToldHow how, String by, String note) {
        if (!told(at, day)) {
            return false;
        }
        toldHow = how;
        toldBy = by;
        toldNote = note;
        return true;
    }

    /** The sweep's flags belong to one promise; a lapse they recorded stays (see {@link #promiseLapsed()}). */
    private void clearFlags() {
        WatchedPromise watched = watched();
        if (watched == null || watched.isEmpty()) {
            return;
        }
        if (watched.flag == Flag.OVERDUE) {
            promiseLapsed = true;
        }
        watched.clearFlags();
    }

    /**
     * Puts the application's {@link WatchedPromise} in step with the watch: the promise while OPEN (flags as they are,
     * none for a new one), none otherwise (Hibernate then deletes the closure_watch row, or inserts none). Every method
     * that changes the state or the promise ends here. Writes go through the application's and the promise's own
     * methods: Hibernate's enhancement only tracks a field written by its own class.
     */
    private void sync() {
        if (owner == null) {
            return;
        }
        WatchedPromise watched = owner.watched();
        if (state == ClosureState.OPEN) {
            if (watched == null || watched.isEmpty()) {
                owner.watched(new WatchedPromise(due));
            } else if (!Objects.equals(watched.due, due)) {
                watched.watch(due);
            }
        } else if (watched != null && !watched.isEmpty()) {
            clearFlags();
            owner.watched(null);
        }
    }

    /** For Hibernate, which sets the parent through a getter and setter pair whatever the access type. */
    Application getOwner() {
        return owner;
    }

    void setOwner(Application owner) {
        this.owner = owner;
    }

    private WatchedPromise watched() {
        return owner == null ? null : owner.watched();
    }

    public ClosureState state() {
        return state;
    }

    public boolean isClosed() {
        return state == ClosureState.CLOSED;
    }

    public LocalDate due() {
        return due;
    }

    /** What the sweep has noticed about the current promise; NONE when the watch is not open. */
    public Flag flag() {
        WatchedPromise watched = watched();
        return watched == null || watched.flag == null ? Flag.NONE : watched.flag;
    }

    public Instant dueSoonAt() {
        WatchedPromise watched = watched();
        return watched == null ? null : watched.dueSoonAt;
    }

    public Instant overdueAt() {
        WatchedPromise watched = watched();
        return watched == null ? null : watched.overdueAt;
    }

    /**
     * Whether a promise passed while the watch was open. The sweep records an overdue promise in closure_watch only (its
     * flag); the application's column takes it over when the flag goes (a new promise, a pause, the end of the watch).
     */
    public boolean promiseLapsed() {
        return promiseLapsed || flag() == Flag.OVERDUE;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Boolean closedLate() {
        return closedLate;
    }

    public ToldHow toldHow() {
        return toldHow;
    }

    public String toldBy() {
        return toldBy;
    }

    public String toldNote() {
        return toldNote;
    }
}
