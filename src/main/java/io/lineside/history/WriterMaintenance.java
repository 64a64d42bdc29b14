package io.lineside.history;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The history writer's background work between batches: folding finished hours ({@link HourFolder}) and retention
 * ({@link HistoryRetention}). {@link #turn} runs on the writer thread only and never throws; the getters and
 * setters are safe from any thread.
 */
final class WriterMaintenance {

    /** An hour is folded once its end is this far behind the clock (late samples still land in rows). */
    static final Duration FOLD_SLACK = Duration.ofMinutes(2);
    /** ... and no row has been added to it for this long (a backlog being written is folded once). */
    static final Duration FOLD_QUIET = Duration.ofSeconds(10);
    /** Work after a batch: one tag-hour fold or one delete chunk takes a few ms; at least one is done. */
    static final long TURN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Work per turn while no update waits. */
    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** A fold this large since opening (an old file's backlog, a long outage) compacts the file at close. */
    static final long COMPACT_AFTER_FOLDED_SAMPLES = 500_000;
    private static final System.Logger LOG = System.getLogger(WriterMaintenance.class.getName());

    private final HourFolder folder;
    private final HistoryRetention retention;
    private final HistoryDatabase database;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong turns = new AtomicLong();
    private volatile RetentionPolicy policy = RetentionPolicy.KEEP_ALL;
    private volatile boolean retentionForced;
    private volatile boolean eager;
    private volatile boolean backlog = true;
    private volatile long folded;
    private volatile long retained;
    private volatile String lastError;

    WriterMaintenance(HistoryDatabase database, HourFolder folder, Clock clock) {
        this.database = database;
        this.folder = folder;
        this.retention = new HistoryRetention(clock);
    }

    static HourFolder defaultFolder() {
        return new HourFolder(Clock.systemUTC(), FOLD_SLACK, FOLD_QUIET);
    }

    HourFolder folder() {
        return folder;
    }

    /** One turn of at most about {@code budgetNanos} (at least one unit of work when there is any). */
    void turn(SampleTable table, long budgetNanos) {
        folder.eager = eager;
        long start = System.nanoTime();
        try {
            table.fold(budgetNanos);
            if (folder.foldedSamples() >= COMPACT_AFTER_FOLDED_SAMPLES) {
                database.compactOnClose(); // the deleted rows' pages are reused while open, returned only at close
            }
            boolean forced = retentionForced;
            retentionForced = false;
            long left = Math.max(1, budgetNanos - (System.nanoTime() - start));
            if (retention.step(table.connection(), policy, left, forced) > 0) {
                database.compactOnClose(); // H2 reuses the freed pages now; the file itself shrinks at close
            }
        } catch (Exception e) { // the writer must outlive it: rows stay unpacked or old, and are retried later
            failures.incrementAndGet();
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.WARNING, "history maintenance failed", e);
            table.discard();
        }
        folded = folder.folded();
        retained = retention.deleted();
        backlog = folder.hasWork();
        turns.incrementAndGet();
    }

    /** True while finished hours wait to be folded: the writer then polls its queue without waiting. */
    boolean backlog() {
        return backlog;
    }

    void retain(RetentionPolicy newPolicy) {
        policy = newPolicy;
        retentionForced = true;
    }

    long folded() {
        return folded;
    }

    long retained() {
        return retained;
    }

    long failures() {
        return failures.get();
    }

    String lastError() {
        return lastError;
    }

    /** Waits (any thread but the writer's) until two turns saw no fold backlog and {@code idle} holds. */
    boolean awaitFolded(Duration timeout, java.util.function.BooleanSupplier idle) throws InterruptedException {
        eager = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = turns.get();
        while (System.nanoTime() < deadline) {
            if (turns.get() >= seen + 2 && !backlog && idle.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Forces a retention run at the next turn and waits (any thread but the writer's) until it is done. */
    boolean awaitRetention(Duration timeout) throws InterruptedException {
        retentionForced = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = turns.get();
        while (System.nanoTime() < deadline) {
            if (turns.get() >= seen + 2 && !retentionForced && !retention.unfinished()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
