package io.lineside.alarms;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Runs the {@link AlarmEngine} on its one evaluator thread: tag updates from the decoder, a tick every second and
 * the operator's commands all go through that thread's queue, and every transition is journalled in the
 * {@link DurableJournal} it is given (the history database's, in a workstation) and owns from then on.
 *
 * <p><b>Every value counts.</b> Updates of tags no alarm reads are dropped at once (one map lookup). The others wait
 * per tag ({@link TagBacklog}) and are evaluated one by one, in order per tag, each as of the time it arrived. Only
 * while more than {@link #MAX_PENDING_UPDATES} wait in all does a tag's further updates fold into one
 * {@link CoalescedUpdates} (its minimum, maximum, latest and the first and last of each class of value its alarms
 * tell apart), so no crossing of a limit and no return to normal is missed; those alarms show uncertain until the
 * tag is caught up, and {@link #stats()} counts what was coalesced. Nothing is dropped.
 *
 * <p><b>Threading.</b> Safe from any thread. {@link #accept} never blocks the decoder. Commands and ticks are never
 * dropped.
 */
public final class AlarmService implements AutoCloseable {

    /** How many single updates may wait in all before further ones are coalesced per tag. */
    public static final int MAX_PENDING_UPDATES = 10_000;
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    private static final System.Logger LOG = System.getLogger(AlarmService.class.getName());

    /**
     * The evaluator's counters. Safe to share.
     *
     * @param evaluated  updates evaluated (one by one, or kept from a coalesced run)
     * @param coalesced  updates folded while the evaluator was behind (their extremes are among the evaluated)
     * @param busyNanos  wall time the evaluator spent on updates (with {@code evaluated}: the cost per update)
     * @param delayed    true while some tag's updates are being coalesced: alarm evaluation is delayed
     */
    public record Stats(long evaluated, long coalesced, long busyNanos, boolean delayed) {

        /** Evaluator time per evaluated update in nanoseconds, NaN before the first. */
        public double nanosPerUpdate() {
            return evaluated == 0 ? Double.NaN : (double) busyNanos / evaluated;
        }
    }

    private final AlarmEngine engine;
    private final DurableJournal journal;
    private final Clock clock;
    private final Runnable beforeEach;
    private final ExecutorService evaluator = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("lineside-alarms").daemon().unstarted(r));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lineside-alarm-tick").daemon().unstarted(r));
    /** The tags some alarm reads; an immutable map replaced by {@link #apply}, so {@link #accept} takes no lock. */
    private volatile Map<TagPath, TagBacklog> backlogs;
    private final int maxPending;
    private final AtomicInteger pendingUpdates = new AtomicInteger();
    private final AtomicInteger coalescingTags = new AtomicInteger();
    private final LongAdder coalesced = new LongAdder();
    private final AtomicLong evaluated = new AtomicLong(); // evaluator thread writes, anyone reads
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong evaluationFailures = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    /** The shelve event of each shelved alarm: the snapshot lists only annunciated alarms. */
    private final Map<String, AlarmEvent> shelved = new ConcurrentHashMap<>();
    /** The reasons an operator may shelve for (the alarm config's, or the default list). */
    private volatile ShelveReasons shelveReasons;
    /** When this service started: its recording period's key. */
    private final Instant started;

    /**
     * Starts evaluating {@code definitions}, journalling into {@code journal} (closed by {@link #close}), ticking once
     * a second.
     */
    public AlarmService(List<AlarmDefinition> definitions, DurableJournal journal, Clock clock) {
        this(definitions, ShelveReasons.DEFAULT, journal, clock, MAX_PENDING_UPDATES, () -> { });
    }

    /** As above, with the shelve reasons of the alarm config (what {@link #shelveReasons()} gives the commands). */
    public AlarmService(List<AlarmDefinition> definitions, ShelveReasons shelveReasons, DurableJournal journal,
                        Clock clock) {
        this(definitions, shelveReasons, journal, clock, MAX_PENDING_UPDATES, () -> { });
    }

    /**
     * Test seam: a smaller budget of single updates, and {@code beforeEach} run on the evaluator thread before each
     * update is evaluated (to make it slower than the flood).
     */
    AlarmService(List<AlarmDefinition> definitions, DurableJournal journal, Clock clock, int maxPending,
                 Runnable beforeEach) {
        this(definitions, ShelveReasons.DEFAULT, journal, clock, maxPending, beforeEach);
    }

    private AlarmService(List<AlarmDefinition> definitions, ShelveReasons shelveReasons, DurableJournal journal,
                         Clock clock, int maxPending, Runnable beforeEach) {
        this.shelveReasons = shelveReasons;
        this.clock = clock;
        this.beforeEach = beforeEach;
        this.journal = journal;
        this.maxPending = maxPending;
        this.engine = new AlarmEngine(definitions, journal, clock);
        Map<TagPath, TagBacklog> byTag = new HashMap<>();
        for (TagPath tag : engine.inputs()) {
            byTag.put(tag, new TagBacklog(tag, ValueClasses.of(tag, definitions), pendingUpdates, maxPending,
                    coalescingTags));
        }
        this.backlogs = Map.copyOf(byTag);
        List<AlarmEvent> latest = latestJournalled();
        engine.restore(latest); // before the first update: the states the journal recorded come back
        latest.stream().filter(e -> e.trigger() == AlarmTrigger.SHELVE
                && engine.definitions().stream().anyMatch(d -> d.id().equals(e.alarmId()))
                && engine.state(e.alarmId()) == AlarmState.SHELVED).forEach(e -> shelved.put(e.alarmId(), e));
        engine.addListener(e -> {
            // Only the SHELVE row names who shelved it and why: a condition change while shelved is also a row
            // into SHELVED (from == to, user "system", no note) and must not replace it.
            if (e.trigger() == AlarmTrigger.SHELVE && e.to() == AlarmState.SHELVED) {
                shelved.put(e.alarmId(), e);
            } else if (e.from() == AlarmState.SHELVED && e.to() != AlarmState.SHELVED) {
                shelved.remove(e.alarmId());
            }
        });
        started = clock.instant();
        journal.recording(started, started);
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(() -> journal.recording(started, clock.instant()), 60, 60, TimeUnit.SECONDS);
    }

    /**
     * Queues {@code update} for evaluation, or coalesces it with the tag's other waiting updates when the evaluator
     * is far behind; ignores it when no alarm reads its tag. Never blocks.
     */
    public void accept(TagUpdate update) {
        TagBacklog backlog = backlogs.get(update.path());
        if (backlog == null) {
            return; // no alarm reads this tag
        }
        int offered = backlog.offer(update);
        if ((offered & 1) != 0) {
            coalesced.increment();
            long last = lastWarning.get();
            if (System.nanoTime() - last > WARN_EVERY_NANOS && lastWarning.compareAndSet(last, System.nanoTime())) {
                LOG.log(Level.WARNING, "alarm evaluator is behind; coalescing updates per tag (the extremes, the latest"
                        + " and each kind of value are still evaluated, nothing is dropped)");
            }
        }
        if ((offered & 2) != 0) {
            try {
                evaluator.execute(() -> drain(backlog));
            } catch (RejectedExecutionException closed) {
                // shutting down
            }
        }
    }

    /**
     * Takes new alarm definitions and shelve reasons without a restart ({@link AlarmEngine#apply}: unchanged alarms
     * keep their state, a removed one that was not normal is journalled as cleared by {@code user} with
     * {@code why}). From then on the tags the new definitions read are evaluated; queued updates are not lost.
     *
     * @return completes on the evaluator thread once applied; exceptionally with what the engine refused
     */
    public CompletableFuture<Void> apply(AlarmConfig config, String user, String why) {
        return submit(e -> {
            e.apply(config.definitions(), user, why);
            Map<TagPath, TagBacklog> before = backlogs;
            Map<TagPath, TagBacklog> byTag = new HashMap<>();
            for (TagPath tag : e.inputs()) {
                ValueClasses classes = ValueClasses.of(tag, config.definitions());
                TagBacklog kept = before.get(tag);
                if (kept != null) {
                    kept.classes(classes);
                    byTag.put(tag, kept);
                } else {
                    byTag.put(tag, new TagBacklog(tag, classes, pendingUpdates, maxPending, coalescingTags));
                }
            }
            backlogs = Map.copyOf(byTag);
            shelveReasons = config.shelveReasons();
            return null;
        });
    }

    /** Evaluates what waits for one tag: the single updates in order, then what was coalesced after them. */
    private void drain(TagBacklog backlog) {
        long start = System.nanoTime();
        TagBacklog.Batch batch = backlog.take();
        if (batch.coalesced() != null && !backlog.flagged) {
            backlog.flagged = true;
            engine.delayed(backlog.path, true);
        }
        long count = 0;
        for (TagUpdate update : batch.updates()) {
            evaluate(update);
            pendingUpdates.decrementAndGet();
            count++;
        }
        if (batch.coalesced() != null) {
            for (TagUpdate update : batch.coalesced().samples()) {
                evaluate(update);
                count++;
            }
        }
        if (backlog.flagged && !backlog.coalescing()) {
            backlog.flagged = false;
            engine.delayed(backlog.path, false);
        }
        evaluated.addAndGet(count);
        busyNanos.addAndGet(System.nanoTime() - start);
    }

    private void evaluate(TagUpdate update) {
        beforeEach.run();
        try {
            Instant received = update.value().receiveTime();
            Instant now = clock.instant();
            engine.onUpdate(update, received.isAfter(now) ? now : received); // as of its arrival, if it was late
        } catch (RuntimeException e) {
            if (evaluationFailures.getAndIncrement() == 0) {
                LOG.log(Level.ERROR, "alarm evaluation failed on " + update.path() + "; the next updates go on", e);
            }
        }
    }

    /**
     * Runs {@code command} on the evaluator thread (where the engine's commands must run).
     *
     * @return its result; completed exceptionally with what it threw, or when the service is closed
     */
    public <T> CompletableFuture<T> submit(Function<AlarmEngine, T> command) {
        try {
            return CompletableFuture.supplyAsync(() -> command.apply(engine), evaluator);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the alarm service is shut down"));
        }
    }

    private void tick() {
        try {
            evaluator.execute(() -> {
                journal.retryPending();
                engine.tick(clock.instant());
            });
        } catch (RejectedExecutionException closed) {
            // shutting down
        }
    }

    /** The journal's newest row per alarm and trigger, or none (logged) when it cannot be read. */
    private List<AlarmEvent> latestJournalled() {
        try {
            return journal.latestPerTrigger();
        } catch (AlarmJournal.JournalException e) {
            LOG.log(Level.ERROR, "alarm states not restored: " + e.getMessage(), e);
            return List.of();
        }
    }

    /**
     * How many alarm states were restored from the journal at start-up (for "N alarm states restored"); the
     * snapshot's {@link ActiveAlarm#restored()} says which are still unconfirmed. Safe from any
     * thread.
     */
    public int restoredAtStart() {
        return engine.restoredAtStart();
    }

    /** The latest alarm picture. Safe from any thread. */
    public AlarmSnapshot snapshot() {
        return engine.snapshot();
    }

    /** The shelve events of the alarms shelved now (who, why, until when in the note), oldest first. */
    public List<AlarmEvent> shelved() {
        return shelved.values().stream().sorted(Comparator.comparing(AlarmEvent::time)).toList();
    }

    /** The reasons an operator may shelve for (the alarm config's, or the default list). */
    public ShelveReasons shelveReasons() {
        return shelveReasons;
    }

    /** The configured alarms, in config order. */
    public List<AlarmDefinition> definitions() {
        return engine.definitions();
    }

    public AlarmJournal journal() {
        return journal;
    }

    /** Goes up with every journalled event (cheap, any thread): what a view reads again on. */
    public long journalRevision() {
        return journal.appended();
    }

    /** How far back an alarm's history reaches (a shift). */
    public static final java.time.Duration HISTORY_WINDOW = java.time.Duration.ofHours(8);

    /**
     * Alarm {@code alarmId}'s last occurrences, comments and annunciation counts over the last
     * {@link #HISTORY_WINDOW}, read from the journal. Blocks on the database: call it off the FX thread.
     */
    public AlarmHistory history(String alarmId) throws AlarmJournal.JournalException {
        Instant now = clock.instant();
        List<AlarmEvent> rows = journal.query(JournalFilter.between(now.minus(HISTORY_WINDOW),
                now.plusMillis(1)).withText(alarmId));
        return AlarmHistory.of(alarmId, rows, now, HISTORY_WINDOW);
    }

    /** Updates never evaluated: none since a busy evaluator coalesces instead of dropping (see {@link #stats()}). */
    public long droppedUpdates() {
        return 0;
    }

    /** The evaluator's counters now: what it evaluated, coalesced and spent. Safe from any thread. */
    public Stats stats() {
        return new Stats(evaluated.get(), coalesced.sum(), busyNanos.get(), coalescingTags.get() > 0);
    }

    /** Stops the timer, finishes the queued work and closes the journal (before the storage under it). */
    @Override
    public void close() {
        ticker.shutdownNow();
        journal.recording(started, clock.instant()); // the period ends now, not at the last heartbeat
        evaluator.shutdown();
        try {
            if (!evaluator.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "alarm evaluator did not finish within 5 s");
                evaluator.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            evaluator.shutdownNow();
        }
        journal.close();
    }
}
