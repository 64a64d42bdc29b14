package io.lineside.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs a view-model's work on its background executor and hands the result or the failure to its FX executor
 * (DESIGN.md: same-thread twins in tests). Every task ends: anything thrown, {@link Error}s such as
 * {@code NoClassDefFoundError} included, and a refused hand-off reach {@code onFailure}, and {@link #busyProperty()}
 * is false again before either callback runs, so no spinner is left turning and no button disabled.
 * Start tasks on the FX thread only.
 */
public final class BackgroundTasks {

    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private int running;

    public BackgroundTasks(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** True while a task of this view-model runs. FX thread only. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Runs {@code work} off the FX thread; then {@code onSuccess} or {@code onFailure} on the FX executor. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        running++;
        busy.set(true);
        try {
            background.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Throwable t) {
                    fx.execute(() -> end(() -> onFailure.accept(t)));
                    return;
                }
                fx.execute(() -> end(() -> onSuccess.accept(result)));
            });
        } catch (RuntimeException refused) { // e.g. RejectedExecutionException while closing
            end(() -> onFailure.accept(refused));
        }
    }

    private void end(Runnable callback) {
        running = Math.max(0, running - 1);
        busy.set(running > 0);
        callback.run();
    }

    /** A failure in words for the status line: its message, or its type when it has none; an Error names its type. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return failure instanceof Error ? failure.getClass().getSimpleName() + ": " + message : message;
    }
}
