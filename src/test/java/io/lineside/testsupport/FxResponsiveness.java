package io.lineside.testsupport;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures whether the JavaFX thread stays responsive: a probe thread posts a {@code Platform.runLater} every
 * {@link #PERIOD} and records how long the round trip took; {@link #worst()} is the longest seen so far.
 */
public final class FxResponsiveness implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(100);
    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    static final Duration SLOW = Duration.ofMillis(200);

    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final java.util.Queue<String> slow = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    private FxResponsiveness() {
        thread = Thread.ofPlatform().name("fx-responsiveness").daemon().start(this::run);
    }

    /** Starts probing; the FX toolkit must be running. */
    public static FxResponsiveness start() {
        return new FxResponsiveness();
    }

    /** The longest round trip so far. */
    public Duration worst() {
        return Duration.ofNanos(worstNanos.get());
    }

    /** The round trips over {@link #SLOW} (at most 50): how long, and when after the start. */
    public String slowOnes() {
        return String.join(", ", slow);
    }

    /** Time since probing started. */
    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Round trips measured so far. */
    public long probes() {
        return probes.get();
    }

    private void run() {
        while (running) {
            long start = System.nanoTime();
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(done::countDown);
            try {
                if (!done.await(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS)) {
                    worstNanos.accumulateAndGet(GIVE_UP.toNanos(), Math::max);
                }
                long took = System.nanoTime() - start;
                worstNanos.accumulateAndGet(took, Math::max);
                if (took > SLOW.toNanos() && slow.size() < 50) {
                    slow.add(took / 1_000_000 + " ms at +" + (start - started) / 1_000_000 + " ms");
                }
                probes.incrementAndGet();
                Thread.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
