package io.lineside.app;

import io.lineside.tags.TagStore;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;

/**
 * Logs, once, how long after process start the first pulse came with live data in the tag store: the start-up
 * figure of docs/benchmarks.md ("first live frame"), read by .ci/package-smoke. Runs on the FX thread.
 */
final class FirstFrameProbe extends AnimationTimer {

    static final String MESSAGE = "first live frame {0} ms after process start";
    private static final System.Logger LOG = System.getLogger(FirstFrameProbe.class.getName());

    private final TagStore store;
    private final Instant processStart;

    FirstFrameProbe(TagStore store) {
        this.store = store;
        this.processStart = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    }

    @Override
    public void handle(long now) {
        if (!store.paths().isEmpty()) {
            stop();
            // As text: MessageFormat would group the digits ("1,234"), which scripts then misread.
            LOG.log(System.Logger.Level.INFO, MESSAGE, Long.toString(Duration.between(processStart, Instant.now()).toMillis()));
        }
    }
}
