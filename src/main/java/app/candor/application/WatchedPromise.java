package app.candor.application;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An open watch as the closure sweep sees it, in the narrow {@code closure_watch} table (V26): the promise it watches and
 * what the sweep has noticed about it. {@link Application} maps that table as an optional secondary table, and holds
 * this only while its {@link ClosureWatch} is OPEN (no row otherwise). Written by {@link ClosureWatch} alone, through its
 * sync (and only through the methods here); the sweep's set-based statements write the flags ({@code ClosureSweep}).
 */
@Embeddable
public class WatchedPromise {

    @Column(table = ClosureWatch.WATCH_TABLE, name = "due")
    LocalDate due;

    @Convert(converter = ClosureWatch.FlagColumn.class)
    @Column(table = ClosureWatch.WATCH_TABLE, name = "flag")
    ClosureWatch.Flag flag = ClosureWatch.Flag.NONE;

    @Column(table = ClosureWatch.WATCH_TABLE, name = "due_soon_at")
    Instant dueSoonAt;

    @Column(table = ClosureWatch.WATCH_TABLE, name = "overdue_at")
    Instant overdueAt;

    WatchedPromise() {
    }

    WatchedPromise(LocalDate due) {
        this.due = due;
    }

    // Writes only through these methods: Hibernate's enhancement tracks a change when the class writes its own field.

    void watch(LocalDate promise) {
        due = promise;
    }

    void clearFlags() {
        flag = ClosureWatch.Flag.NONE;
        dueSoonAt = null;
        overdueAt = null;
    }

    /** No flag: it stands for no row (an empty instance, should Hibernate hand one over for a missing row). */
    boolean isEmpty() {
        return flag == null;
    }
}
