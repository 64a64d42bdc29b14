package io.lineside.app;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEngine;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmJournal;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.tags.TagUpdate;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Comparator;
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
import java.util.function.Function;

/**
 * Runs the {@link AlarmEngine} on its one evaluator thread: tag updates from the decoder, a tick every second and
 * the operator's commands all go through that thread's queue, and every transition is journalled in the history
 * database ({@link AlarmJournalStore}).
 *
 * <p><b>Threading.</b> Safe from any thread. {@link #accept} never blocks the decoder: when more than
 * {@link #MAX_PENDING_UPDATES} updates wait, the update is dropped for alarm evaluation (not for history) and
 * counted in {@link #droppedUpdates()}. Commands and ticks are never dropped.
 */
public final class AlarmService implements AutoCloseable {

    static final int MAX_PENDING_UPDATES = 10_000;
    private static final System.Logger LOG = System.getLogger(AlarmService.class.getName());

    private final AlarmEngine engine;
    private final AlarmJournalStore journal;
    private final Clock clock;
    private final ExecutorService evaluator = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("lineside-alarms").daemon().unstarted(r));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lineside-alarm-tick").daemon().unstarted(r));
    private final AtomicInteger pendingUpdates = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    /** The shelve event of each shelved alarm: the snapshot lists only annunciated alarms. */
    private final Map<String, AlarmEvent> shelved = new ConcurrentHashMap<>();

    /** Starts evaluating {@code definitions}, journalling into {@code database}, ticking once a second. */
    public AlarmService(List<AlarmDefinition> definitions, HistoryDatabase database, Clock clock) {
        this.clock = clock;
        this.journal = new AlarmJournalStore(database);
        this.engine = new AlarmEngine(definitions, journal, clock);
        engine.addListener(e -> {
            if (e.to() == AlarmState.SHELVED) {
                shelved.put(e.alarmId(), e);
            } else if (e.from() == AlarmState.SHELVED) {
                shelved.remove(e.alarmId());
            }
        });
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Queues {@code update} for evaluation, or drops and counts it when the evaluator is far behind. */
    public void accept(TagUpdate update) {
        if (pendingUpdates.incrementAndGet() > MAX_PENDING_UPDATES) {
            pendingUpdates.decrementAndGet();
            if (dropped.getAndIncrement() == 0) {
                LOG.log(Level.WARNING, "alarm evaluator is behind; updates are dropped for alarms (history keeps them)");
            }
            return;
        }
        try {
            evaluator.execute(() -> {
                pendingUpdates.decrementAndGet();
                engine.onUpdate(update);
            });
        } catch (RejectedExecutionException closed) {
            pendingUpdates.decrementAndGet(); // shutting down
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

    /** The latest alarm picture. Safe from any thread. */
    public AlarmSnapshot snapshot() {
        return engine.snapshot();
    }

    /** The shelve events of the alarms shelved now (who, why, until when in the note), oldest first. */
    public List<AlarmEvent> shelved() {
        return shelved.values().stream().sorted(Comparator.comparing(AlarmEvent::time)).toList();
    }

    /** The configured alarms, in config order. */
    public List<AlarmDefinition> definitions() {
        return engine.definitions();
    }

    public AlarmJournal journal() {
        return journal;
    }

    /** Updates not evaluated because the evaluator queue was full. */
    public long droppedUpdates() {
        return dropped.get();
    }

    /** Stops the timer, finishes the queued work and closes the journal (before its history database). */
    @Override
    public void close() {
        ticker.shutdownNow();
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
