package io.lineside.ui.shell;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * The one place where live data reaches the screen: once per JavaFX pulse, every view-model pulls what
 * changed. Producers never call {@code Platform.runLater}. FX thread only.
 */
public final class Pulse extends AnimationTimer {

    private final Clock clock;
    private final List<Consumer<Instant>> receivers;
    private long lastWorkNanos;

    public Pulse(Clock clock, List<Consumer<Instant>> receivers) {
        this.clock = clock;
        this.receivers = List.copyOf(receivers);
    }

    @Override
    public void handle(long now) {
        long start = System.nanoTime();
        Instant wallClock = clock.instant();
        for (Consumer<Instant> receiver : receivers) {
            receiver.accept(wallClock);
        }
        lastWorkNanos = System.nanoTime() - start;
    }

    /** How long the last pulse's work took, in nanoseconds (for benchmarks and diagnostics). */
    public long lastWorkNanos() {
        return lastWorkNanos;
    }
}
