package io.lineside.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs a view-model's work on its background executor and hands the result or the failure to its FX executor
 * (DESIGN.md: same-thread twins in tests, {@link #sameThread()}). Every task ends: anything thrown, {@link Error}s
 * such as {@code NoClassDefFoundError} included, and a refused hand-off reach {@code onFailure}, and
 * {@link #busyProperty()} is false again before either callback runs, so no spinner is left turning and no button
 * disabled. Work that must not pile up goes through a {@link Latest} slot: a newer run supersedes an older one, whose
 * result is dropped. Start tasks and use slots on the FX thread only.
 */
public final class BackgroundTasks {

    /** Work that may stop early once it is superseded (the answer would be dropped anyway). */
    @FunctionalInterface
    public interface Work<T> {
        /** @param superseded true once a newer run of the same slot (or its cancel) has come; safe from any thread */
        T call(BooleanSupplier superseded) throws Exception;
    }

    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** Tasks started or waiting in a slot that have not ended yet. */
    private int open;

    public BackgroundTasks(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** The twin for tests: work and callbacks run at once on the calling thread. */
    public static BackgroundTasks sameThread() {
        return new BackgroundTasks(Runnable::run, Runnable::run);
    }

    /**
     * For a view-model that only {@link #await}s its services' own futures and has no background executor: a
     * {@link #run} there is refused (and so ends in {@code onFailure}), never run on the FX thread.
     */
    public static BackgroundTasks awaitingOnly(Executor fx) {
        return new BackgroundTasks(work -> {
            throw new RejectedExecutionException("this view-model has no background executor");
        }, fx);
    }

    /** True while a task of this helper runs or waits. FX thread only. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Runs {@code work} off the FX thread; then {@code onSuccess} or {@code onFailure} on the FX executor. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        begin();
        launch(work, (result, failure) -> {
            end();
            deliver(result, failure, onSuccess, onFailure);
        });
    }

    /**
     * Waits for work that runs elsewhere (a service's own thread) as if it ran here: busy until {@code pending}
     * completes, then {@code onSuccess} or {@code onFailure} (unwrapped from {@link CompletionException}) on the FX
     * executor.
     */
    public <T> void await(CompletionStage<T> pending, Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure) {
        begin();
        pending.whenComplete((result, failure) -> fx.execute(() -> {
            end();
            deliver(result, unwrap(failure), onSuccess, onFailure);
        }));
    }

    /** A new slot: one task at a time, the newest waiting one runs next, a superseded one's result is dropped. */
    public Latest latest() {
        return new Latest();
    }

    /** A failure in words for the status line: its message, or its type when it has none; an Error names its type. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return failure instanceof Error ? failure.getClass().getSimpleName() + ": " + message : message;
    }

    /**
     * Work whose newest answer is the only one wanted (a query for what the screen shows now). At most one task of a
     * slot is on the background executor; a run while one is there supersedes it (its work sees
     * {@code superseded}, its callbacks are not called) and waits in place of any earlier waiting run. Busy covers
     * the waiting run too, so the helper's busy flag does not flicker between the two. FX thread only.
     */
    public final class Latest {

        /** The newest run's number; workers compare theirs with it. Written on FX, read anywhere. */
        private final AtomicLong newest = new AtomicLong();
        private boolean running;
        private Runnable waiting;

        private Latest() {
        }

        /** Runs {@code work} when this slot is free, superseding whatever ran or waited in it. */
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            run(superseded -> work.call(), onSuccess, onFailure);
        }

        /** As {@link #run(Callable, Consumer, Consumer)}, for work that checks whether it is still wanted. */
        public <T> void run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            long mine = newest.incrementAndGet();
            BooleanSupplier superseded = () -> newest.get() != mine;
            Runnable task = () -> {
                running = true;
                launch(() -> work.call(superseded), (result, failure) -> {
                    running = false;
                    Runnable next = waiting;
                    waiting = null;
                    if (next != null) {
                        next.run(); // inherits the count its predecessor held: busy stays true throughout
                    }
                    end();
                    if (!superseded.getAsBoolean()) {
                        deliver(result, failure, onSuccess, onFailure);
                    }
                });
            };
            if (waiting == null) {
                begin(); // a run replacing a waiting one takes over its place in the count
            }
            if (running) {
                waiting = task;
            } else {
                task.run();
            }
        }

        /** True while a task of this slot runs or waits. */
        public boolean running() {
            return running || waiting != null;
        }

        /** Drops the answer still on its way and the run still waiting (a view that closed, a selection gone). */
        public void cancel() {
            newest.incrementAndGet();
            if (waiting != null) {
                waiting = null;
                end();
            }
        }
    }

    /** What a launched task calls on the FX executor once: its result, or its failure (never both). */
    @FunctionalInterface
    private interface Ending<T> {
        void ended(T result, Throwable failure);
    }

    private <T> void launch(Callable<T> work, Ending<? super T> ending) {
        try {
            background.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Throwable t) {
                    fx.execute(() -> ending.ended(null, t));
                    return;
                }
                fx.execute(() -> ending.ended(result, null));
            });
        } catch (RuntimeException refused) { // e.g. RejectedExecutionException while closing
            ending.ended(null, refused);
        }
    }

    private void begin() {
        open++;
        busy.set(true);
    }

    private void end() {
        open = Math.max(0, open - 1);
        busy.set(open > 0);
    }

    private static <T> void deliver(T result, Throwable failure, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure) {
        if (failure != null) {
            onFailure.accept(failure);
        } else {
            onSuccess.accept(result);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
