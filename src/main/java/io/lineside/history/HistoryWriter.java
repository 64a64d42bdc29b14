package io.lineside.history;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Stores every {@link TagUpdate} it is given in the history database, in batches.
 *
 * <p><b>Threading.</b> All methods are safe from any thread and never throw; those of the live path never wait (decision 0022: the live
 * view must not wait for the disk). The queue has a capacity for samples that need no acknowledgement
 * ({@link #accept}: QoS 0, Sparkplug): beyond it such a sample is not stored but counted and written later as a gap
 * row for its tag ({@link MissedSamples}), never silently lost. What waits for an acknowledgement or must be kept
 * ({@link #keep}, {@link #keepGap}, {@link #keepAfterCommit}: QoS 1 samples, staleness marks) is queued beyond that
 * capacity too, up to a hard limit of {@link #HARD_FACTOR} times it (the broker's in-flight window normally keeps
 * it far below); past the hard limit it too becomes a counted gap and {@code keep} returns false, so the caller
 * withholds the message's acknowledgement and the broker keeps it. {@link #put}, {@link #putGap} and
 * {@link #putAfterCommit} wait at the hard limit instead: for producers that load history and may wait (imports,
 * tests), never the live path. One daemon thread, {@code lineside-history-writer}, owns
 * the JDBC connection: it takes up to 500 updates (waiting at most 250 ms after the first), or up to 5,000 when
 * at least 2,000 wait, and writes them with one prepared batch and one commit: large commits when behind, since
 * a commit's cost is mostly the index pages it rewrites, so the writer catches up instead of falling further
 * behind. A failed batch is retried up to 3 times,
 * then counted in {@link #failedBatches()}; no database error ends the thread. Counters are safe to read from any
 * thread. {@link #close} drains the queue; close the writer before its {@link HistoryDatabase}.
 *
 * <p>Between batches the same thread folds finished hours into packed blocks and applies retention
 * ({@link WriterMaintenance}: a few ms per turn), and it can skip unchanged updates ({@link #storeOnChange}).
 */
public final class HistoryWriter implements Consumer<TagUpdate>, AutoCloseable {

    /**
     * Samples nobody waits on may fill the queue this far: a few seconds of the writer's throughput (~32k rows/s),
     * ~25 MB. The decoder's own queue no longer fills while history is behind, so this is memory it used to hold.
     */
    public static final int DEFAULT_CAPACITY = 100_000;
    /** Kept samples and markers may fill the queue up to this many times its capacity: the memory cap (~50 MB). */
    public static final int HARD_FACTOR = 2;
    /** History counts as delayed while its oldest queued entry is older than this. */
    static final long DELAYED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int MAX_BATCH = 500;
    /** A backlog this deep is written in batches of up to {@link #MAX_BACKLOG_BATCH}. */
    static final int BACKLOG = 2_000;
    static final int MAX_BACKLOG_BATCH = 5_000;
    private static final long PUT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final int ATTEMPTS = 3;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** Commits without an acknowledgement waiting are forced to disk at least this often (a power loss window). */
    static final long SYNC_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final System.Logger LOG = System.getLogger(HistoryWriter.class.getName());
    /** Test seam: runs on the writer thread before each attempt to write a batch. */
    interface BeforeWrite {
        void run(List<TagUpdate> batch, int attempt) throws SQLException;
    }

    /** A queued sample, a gap marker, or a marker that runs once everything queued before it is committed. */
    private record Entry(TagUpdate update, Runnable afterCommit, TagGap gap, long queuedNanos) {
        Entry(TagUpdate update, Runnable afterCommit) {
            this(update, afterCommit, null, System.nanoTime());
        }

        Entry(TagGap gap) {
            this(null, null, gap, System.nanoTime());
        }
    }

    private final BlockingQueue<Entry> queue; // holds up to hardCapacity
    private final int capacity; // for samples nobody waits on: beyond it they become gap rows
    private final MissedSamples missed = new MissedSamples();
    private final AtomicLong gapped = new AtomicLong();
    private volatile long droppedWhenCaughtUp;
    private final Duration retryPause;
    private final BeforeWrite beforeWrite;
    private final Thread thread;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedRows = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong withheld = new AtomicLong();
    // Entries queued, and entries the writer has written and followed with a maintenance turn: equal when the
    // writer holds nothing in flight (awaitFolded must not mistake an empty queue for that).
    private final AtomicLong enqueued = new AtomicLong();
    private volatile long settled;
    private volatile boolean delayed;
    private volatile String lastError;
    private final SampleTable table; // writer thread only
    private final WriterMaintenance maintenance;
    private final StoreOnChange onChange = new StoreOnChange();
    private final boolean durableAcks;
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong logForces = new AtomicLong();
    private final AtomicLong logFailures = new AtomicLong();
    private boolean unsynced; // writer thread only: a commit since the last fsync
    private long lastSync = System.nanoTime(); // writer thread only
    private final AckLog log; // null: none (it could not open, or the control case); writer thread only
    private boolean logDirty; // writer thread only: appended since the last force
    private boolean logFailed; // writer thread only: a committed batch is not in the log; H2 must be forced
    private long committedBatch; // writer thread only: the last batch number committed

    /** Starts the writer thread with a queue of {@link #DEFAULT_CAPACITY}. */
    public HistoryWriter(HistoryDatabase database) {
        this(database, DEFAULT_CAPACITY);
    }

    /** Starts the writer thread with a queue of {@code capacity} updates. */
    public HistoryWriter(HistoryDatabase database, int capacity) {
        this(database, capacity, Duration.ofMillis(500), (batch, attempt) -> { });
    }

    HistoryWriter(HistoryDatabase database, int capacity, Duration retryPause, BeforeWrite beforeWrite) {
        this(database, capacity, retryPause, beforeWrite, WriterMaintenance.defaultFolder());
    }

    HistoryWriter(HistoryDatabase database, int capacity, Duration retryPause, BeforeWrite beforeWrite,
                  HourFolder folder) {
        this(database, capacity, retryPause, beforeWrite, folder, true);
    }

    /**
     * With {@code durableAcks} false, acks follow the commit alone: no ack log, no fsync (the power-cut test's
     * control case).
     */
    HistoryWriter(HistoryDatabase database, int capacity, Duration retryPause, BeforeWrite beforeWrite,
                  HourFolder folder, boolean durableAcks) {
        this.durableAcks = durableAcks;
        this.log = durableAcks ? database.ackLog() : null;
        this.maintenance = new WriterMaintenance(database, folder, Clock.systemUTC());
        this.table = new SampleTable(database, folder);
        this.capacity = capacity;
        this.queue = new LinkedBlockingQueue<>(Math.multiplyExact(capacity, HARD_FACTOR));
        this.retryPause = retryPause;
        this.beforeWrite = beforeWrite;
        this.thread = Thread.ofPlatform().name("lineside-history-writer").daemon().unstarted(this::run);
        thread.start();
    }

    /**
     * Queues an update nobody waits on (QoS 0, Sparkplug) for writing. Beyond the queue's capacity it is not stored:
     * it is counted in {@link #droppedCount()} and becomes part of a gap row for its tag, written once there is
     * room (before the tag's next queued sample at the latest). Never waits.
     */
    @Override
    public void accept(TagUpdate update) {
        if (update == null) {
            dropped.incrementAndGet(); // count it, never throw at the producer
            return;
        }
        queueOrMiss(update, capacity);
    }

    /**
     * Queues an update that must be kept (a QoS 1 sample, a staleness mark) without waiting, beyond the queue's
     * capacity if need be: the live path's way in. Only past the hard limit ({@link #HARD_FACTOR} times the
     * capacity) is it refused: then it is counted and written as a gap like an {@link #accept}ed one, and this
     * returns false so the caller withholds its message's acknowledgement (the broker keeps it and redelivers it).
     * False also once closing.
     */
    public boolean keep(TagUpdate update) {
        if (update == null) {
            dropped.incrementAndGet();
            return false;
        }
        return queueOrMiss(update, Integer.MAX_VALUE);
    }

    /**
     * Queues a gap (telemetry known to be missing) without waiting, to be written in the same commit as the updates
     * queued around it; past the hard limit it waits with its tag's missed samples for room instead (and is written
     * after them). False if it could not be queued now.
     */
    public boolean keepGap(TagGap gap) {
        if (gap == null) {
            dropped.incrementAndGet();
            return false;
        }
        if (!closing.get() && queue.offer(new Entry(gap))) {
            enqueued.incrementAndGet();
            return true;
        }
        if (!closing.get()) {
            missed.add(gap);
        } else {
            dropped.incrementAndGet();
        }
        delayed = true;
        return false;
    }

    /**
     * Like {@link #afterCommit} (the marker runs once everything queued before it is committed) and never waits; a
     * marker refused past the hard limit, or once closing, is withheld and counted: returns false then.
     */
    public boolean keepAfterCommit(Runnable marker) {
        if (closing.get() || !queue.offer(new Entry(null, marker))) {
            withheld.incrementAndGet();
            delayed = true;
            return false;
        }
        enqueued.incrementAndGet();
        return true;
    }

    /**
     * Queues an update for writing, waiting while the queue is at its hard limit; drops and counts it only if the
     * writer is closing (or the waiting thread is interrupted). For producers that load history and may wait
     * (imports, tests); the live path uses {@link #keep} and {@link #accept}, which never wait.
     */
    public void put(TagUpdate update) {
        if (update == null) {
            dropped.incrementAndGet();
            return;
        }
        if (!enqueue(new Entry(update, null))) {
            dropped.incrementAndGet();
            delayed = true;
        }
    }

    /** Queues a gap like {@link #keepGap}, but waits while the queue is at its hard limit, like {@link #put}. */
    public void putGap(TagGap gap) {
        if (gap == null || !enqueue(new Entry(gap))) {
            dropped.incrementAndGet();
            delayed = true;
        }
    }

    /** Like {@link #afterCommit}, but waits while the queue is at its hard limit; refuses the marker only once closing. */
    public void putAfterCommit(Runnable marker) {
        if (!enqueue(new Entry(null, marker))) {
            withheld.incrementAndGet();
            delayed = true;
        }
    }

    private boolean enqueue(Entry entry) {
        try {
            while (!closing.get()) {
                if (queue.offer(entry, PUT_POLL_NANOS, TimeUnit.NANOSECONDS)) {
                    enqueued.incrementAndGet();
                    return true;
                }
                delayed = true; // holding the producer back: history is behind until it catches up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Counts a marker its producer withholds itself (its message's samples did not all fit); never runs it. */
    public void withhold(Runnable marker) {
        withheld.incrementAndGet();
        delayed = true;
    }

    /**
     * Queues {@code update} while the queue holds fewer than {@code limit} entries (and the hard limit allows),
     * after its tag's missed stretch if it has one; else adds it to that stretch.
     */
    private boolean queueOrMiss(TagUpdate update, int limit) {
        if (closing.get()) {
            dropped.incrementAndGet();
            delayed = true;
            return false;
        }
        if (queue.size() < limit) {
            if (missed.any()) {
                queueMissed(missed.take(update.path())); // the break comes before the next stored sample
            }
            if (queue.offer(new Entry(update, null))) {
                enqueued.incrementAndGet();
                return true;
            }
        }
        missed.add(update);
        dropped.incrementAndGet();
        delayed = true;
        return false;
    }

    /** Queues a missed stretch as a gap row; if even that does not fit, it goes back to wait. */
    private void queueMissed(MissedSamples.Taken taken) {
        if (taken == null) {
            return;
        }
        if (queue.offer(new Entry(taken.gap()))) {
            enqueued.incrementAndGet();
            gapped.addAndGet(taken.samples());
        } else {
            missed.putBack(taken); // its samples stay counted as dropped; only their gap waits
        }
    }

    /**
     * Runs {@code marker} on the writer thread once every update queued before it is committed, in queue order;
     * this is how QoS 1 messages are acknowledged only when their samples are durable. A marker whose updates
     * could not be written is never run (counted in {@link #withheldCount()}); neither is one refused because the
     * queue was full or the writer closed. A marker must be quick and must not throw. Safe from any thread.
     */
    public void afterCommit(Runnable marker) {
        keepAfterCommit(marker);
    }

    /**
     * From now on stores an update only when it differs from the tag's last stored sample by more than
     * {@code deadband} (or in quality, kind or text), or {@code maxInterval} has passed; see {@link StoreOnChange}.
     * Skipped updates count as written and their acks follow the commit of their batch, in order. Safe from any
     * thread; applied at the next batch.
     *
     * @throws IllegalArgumentException if {@code deadband} is negative or not finite, or the interval not positive
     */
    public void storeOnChange(double deadband, Duration maxInterval) {
        onChange.settings(new StoreOnChange.Settings(deadband, maxInterval));
    }

    /**
     * Where store-on-change finds a tag's own deadband ({@link TagMeta#deadband()}, e.g. {@code TagStore::meta});
     * tags without one use {@link #storeOnChange}'s. Called on the writer thread for each update: must be quick.
     */
    public void deadbands(Function<TagPath, TagMeta> meta) {
        onChange.meta(Objects.requireNonNull(meta, "meta"));
    }

    /** Updates not stored because they did not change (see {@link #storeOnChange}). */
    public long skippedCount() { return onChange.skipped(); }
    /** Updates committed to the database, or skipped as unchanged (a redelivered duplicate counts, though it adds no row). */
    public long writtenCount() { return written.get(); }
    /** Sample rows really inserted and committed (true duplicates and skipped unchanged updates excluded). */
    public long insertedCount() { return inserted.get(); }
    /** True duplicates: committed updates whose exact sample (tag, source time, seq) was already stored. */
    public long duplicateCount() { return duplicates.get(); }
    /**
     * Updates not stored: beyond the capacity (or the hard limit), or refused while closing. Those refused before
     * closing are written as gap rows ({@link #gappedCount()} once queued).
     */
    public long droppedCount() { return dropped.get(); }
    /** Dropped updates since history last caught up (what the status bar calls "not stored" while delayed). */
    public long droppedSinceCaughtUp() { return Math.max(0, dropped.get() - droppedWhenCaughtUp); }
    /** Dropped updates whose gap row has been queued (written with the next commit). */
    public long gappedCount() { return gapped.get(); }
    /**
     * How far history is behind: the age of the oldest entry waiting to be written (zero when none waits). Safe from
     * any thread.
     */
    public Duration lag() {
        Entry head = queue.peek();
        return head == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, System.nanoTime() - head.queuedNanos()));
    }
    /** Batches given up after all retries; their updates are in {@link #failedCount()}. */
    public long failedBatches() { return failedBatches.get(); }
    /** Updates lost with a failed batch. */
    public long failedCount() { return failedRows.get(); }
    /** Markers not run: their updates were not written, or they were refused (see {@link #afterCommit}). */
    public long withheldCount() { return withheld.get(); }
    /** Updates and markers waiting to be written. */
    public int backlog() { return queue.size(); }
    /** Batches committed. */
    public long committedBatches() { return batches.get(); }
    /**
     * Times the database was forced to disk ({@code CHECKPOINT SYNC}: at least once a second while it is written,
     * and before acknowledgements while the ack log is unavailable).
     */
    public long syncCount() { return syncs.get(); }
    /** Times the ack log was forced to disk: before acknowledgements, and with each database sync. */
    public long logForceCount() { return logForces.get(); }
    /** Batches committed but not in the ack log (an append or force failed); their acks waited for a database sync. */
    public long logFailureCount() { return logFailures.get(); }

    /**
     * True while history is behind — its oldest queued entry is more than a second old, or samples wait to be written
     * as a gap — and after a drop or a failed batch, until a later commit leaves the queue empty (caught up).
     */
    public boolean delayed() {
        if (delayed || missed.any()) {
            return true;
        }
        Entry head = queue.peek();
        return head != null && System.nanoTime() - head.queuedNanos() > DELAYED_AFTER_NANOS;
    }
    /** Tag-hours packed into blocks since start (see {@link HourFolder}). */
    public long foldedHours() { return maintenance.folded(); }
    /** Failed fold or retention turns (rows stay unpacked or old, still readable, and are retried). */
    public long maintenanceFailures() { return maintenance.failures(); }
    /** Rows (blocks, rollups, samples, gaps, alarm events) dropped by retention since start. */
    public long retainedRows() { return maintenance.retained(); }
    /**
     * Keeps history within {@code policy} from now on (checked each minute, and once at the next turn); drops
     * happen on the writer thread in small transactions. Safe from any thread.
     */
    public void retain(RetentionPolicy policy) {
        maintenance.retain(java.util.Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Waits until every finished hour is folded and the queue is empty, folding without the usual quiet period;
     * for the benchmark and tests, which measure storage after the fold. Returns false on timeout. Any thread but
     * the writer's.
     */
    public boolean awaitFolded(Duration timeout) throws InterruptedException {
        return maintenance.awaitFolded(timeout, () -> settled >= enqueued.get());
    }

    WriterMaintenance maintenance() { return maintenance; }

    /** The last write error, or null if none happened. */
    public String lastError() { return lastError; }

    /** Stops accepting, writes what is queued and stops the thread, waiting at most 5 s. Idempotent. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.join(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            lastError = "history writer did not finish within " + CLOSE_WAIT.toSeconds() + " s; "
                    + queue.size() + " updates still queued";
            LOG.log(Level.WARNING, lastError);
        } else {
            for (Entry late : queue) { // raced with close: accepted after the last drain
                (late.afterCommit() == null ? dropped : withheld).incrementAndGet();
            }
            queue.clear();
        }
    }

    /**
     * After {@link #close}: waits up to {@code wait} for the writer thread to end, true once it has. For tests whose
     * dying instance must be gone before the file is opened again (a process that lost its power does not linger).
     */
    boolean awaitStopped(Duration wait) throws InterruptedException {
        thread.join(wait);
        return !thread.isAlive();
    }

    private void run() {
        int skippedInBatch = 0;
        List<Entry> entries = new ArrayList<>(MAX_BATCH);
        List<TagUpdate> batch = new ArrayList<>(MAX_BATCH);
        List<Runnable> markers = new ArrayList<>();
        List<TagGap> gaps = new ArrayList<>();
        try {
            while (!closing.get() || !queue.isEmpty() || missed.any()) {
                boolean wrote = fill(entries, maintenance.backlog() ? 0 : MAX_WAIT_NANOS);
                int taken = entries.size();
                if (wrote) {
                    for (Entry e : entries) {
                        if (e.update() != null && onChange.store(e.update().path(), e.update().value())) {
                            batch.add(e.update());
                        } else if (e.update() != null) {
                            skippedInBatch++;
                        } else if (e.gap() != null) {
                            gaps.add(e.gap());
                        } else {
                            markers.add(e.afterCommit());
                        }
                    }
                    boolean rows = !batch.isEmpty() || !gaps.isEmpty();
                    long number = log == null || !rows ? 0 : log.nextBatch();
                    boolean durable = !rows || write(batch, gaps, number);
                    if (durable) {
                        written.addAndGet(skippedInBatch); // handled: their acks may go with this commit
                    } else {
                        onChange.reset(); // what it remembered as stored was not
                    }
                    skippedInBatch = 0;
                    unsynced |= durable && rows;
                    if (durable && number > 0) {
                        logged(new AckRecord(number, batch, gaps));
                    }
                    if (durable && !markers.isEmpty()) {
                        durable = secure(); // an ack promises the samples survive a power loss too
                    }
                    if (System.nanoTime() - lastSync >= SYNC_EVERY_NANOS) {
                        periodicSync();
                    }
                    settle(markers, durable);
                    entries.clear();
                    batch.clear();
                    markers.clear();
                    gaps.clear();
                }
                if (!wrote && System.nanoTime() - lastSync >= SYNC_EVERY_NANOS) {
                    periodicSync(); // quiet now: the last commits reach the disk within a second
                }
                if (missed.any() && queue.size() < capacity) {
                    missed.takeAll().forEach(this::queueMissed); // room again: the breaks are written next
                }
                if (!closing.get()) {
                    maintenance.turn(table, wrote ? WriterMaintenance.TURN_NANOS : WriterMaintenance.IDLE_NANOS);
                }
                settled += taken; // only this thread writes it
            }
        } finally {
            table.discard();
        }
    }

    /**
     * Takes up to MAX_BATCH entries, waiting at most 250 ms after the first for more; but once a marker waits
     * for this batch and nothing else is queued, it commits at once: a QoS 1 sender is held until then.
     */
    private boolean fill(List<Entry> batch, long firstWaitNanos) {
        Entry first = poll(firstWaitNanos);
        if (first == null) {
            return false;
        }
        int limit = queue.size() >= BACKLOG ? MAX_BACKLOG_BATCH : MAX_BATCH;
        batch.add(first);
        boolean awaited = first.afterCommit() != null;
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        while (batch.size() < limit) {
            int from = batch.size();
            queue.drainTo(batch, limit - batch.size());
            for (int i = from; i < batch.size() && !awaited; i++) {
                awaited = batch.get(i).afterCommit() != null;
            }
            long left = deadline - System.nanoTime();
            if (batch.size() >= limit || closing.get() || left <= 0 || (awaited && queue.isEmpty())) {
                break;
            }
            Entry next = poll(left);
            if (next == null) {
                break;
            }
            batch.add(next);
            awaited |= next.afterCommit() != null;
        }
        return true;
    }

    /** Appends a committed batch to the ack log; on failure, acks wait for a database sync until one succeeds. */
    private void logged(AckRecord record) {
        committedBatch = record.batch();
        try {
            log.append(record);
            logDirty = true;
        } catch (IOException | RuntimeException e) {
            logFailed(e);
        }
    }

    private void logFailed(Exception e) {
        logFailures.incrementAndGet();
        if (!logFailed) {
            LOG.log(Level.ERROR, "history ack log failed; acknowledgements wait for the database's own sync"
                    + " until it works again (decision 0019)", e);
        }
        logFailed = true;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Makes every commit so far survive a power loss before acks run: forces the ack log (one fdatasync), or, when
     * there is no log or a committed batch is missing from it, the database itself. False if that failed.
     */
    private boolean secure() {
        if (!durableAcks) {
            return true;
        }
        if (log != null && !logFailed) {
            if (forceLog()) {
                return true;
            }
        }
        return sync();
    }

    private boolean forceLog() {
        if (!logDirty) {
            return true;
        }
        try {
            log.force();
            logDirty = false;
            logForces.incrementAndGet();
            return true;
        } catch (IOException | RuntimeException e) {
            logFailed(e);
            return false;
        }
    }

    /** At least once a second while written: the log and then the database reach the disk (QoS 0's window). */
    private void periodicSync() {
        if (!durableAcks) {
            return;
        }
        if (log != null && !logFailed) {
            forceLog();
        }
        if (unsynced) {
            sync();
        } else {
            lastSync = System.nanoTime();
        }
    }

    /**
     * Forces the commits since the last sync to disk (nothing to do if there were none); false if that failed, and
     * then the acks waiting on it are withheld: the broker redelivers them, and the stored copies absorb the repeat.
     */
    private boolean sync() {
        if (!durableAcks || !unsynced) {
            return true;
        }
        try {
            table.sync();
            unsynced = false;
            lastSync = System.nanoTime();
            syncs.incrementAndGet();
            logFailed = false; // what the log missed is forced in H2 now
            if (log != null) {
                log.synced(committedBatch);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            delayed = true;
            table.discard();
            LOG.log(Level.ERROR, "forcing history to disk failed; its acknowledgements are withheld", e);
            return false;
        }
    }

    /** Runs the markers of a committed batch in order; withholds those of a lost one. */
    private void settle(List<Runnable> markers, boolean durable) {
        if (!durable) {
            withheld.addAndGet(markers.size());
            return;
        }
        for (Runnable marker : markers) {
            try {
                marker.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "after-commit marker failed", e);
            }
        }
    }

    private Entry poll(long nanos) {
        try {
            return queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // Deliberately not re-asserted: an interrupted thread makes H2 close its file channel.
            LOG.log(Level.WARNING, "history writer interrupted; ignoring (use close())");
            return null;
        }
    }

    /** Writes one batch with retries; false if it was given up. */
    private boolean write(List<TagUpdate> batch, List<TagGap> gaps, long number) {
        for (int attempt = 1; ; attempt++) {
            try {
                beforeWrite.run(batch, attempt);
                int rows = table.write(batch, gaps, number);
                written.addAndGet(batch.size());
                inserted.addAndGet(rows);
                duplicates.addAndGet(batch.size() - rows);
                batches.incrementAndGet();
                if (attempt > 1) {
                    LOG.log(Level.INFO, "history batch written after {0} attempts", attempt);
                }
                if (queue.isEmpty() && !missed.any()) {
                    droppedWhenCaughtUp = dropped.get();
                    delayed = false;
                }
                return true;
            } catch (Exception e) { // SQLException, or anything else: the writer must outlive it
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                delayed = true;
                table.discard();
                if (attempt >= ATTEMPTS) {
                    failedBatches.incrementAndGet();
                    failedRows.addAndGet(batch.size());
                    LOG.log(Level.ERROR, "history batch of " + batch.size() + " updates lost after " + attempt
                            + " attempts", e);
                    return false;
                }
                LOG.log(attempt == 1 ? Level.WARNING : Level.DEBUG, "history batch failed; retrying", e);
                try {
                    Thread.sleep(retryPause);
                } catch (InterruptedException ie) {
                    LOG.log(Level.WARNING, "history writer interrupted during retry pause; ignoring");
                }
            }
        }
    }
}
