package io.lineside.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a {@link SimPlant} in real time on its own daemon thread and hands its messages to a publisher.
 * A failing publisher or tick is counted and never stops the schedule.
 */
public final class LineSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LineSimulator.class.getName());

    private final SimPlant plant;
    private final SimPublisher publisher;
    private final Clock clock;
    private final Duration period;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lineside-sim").daemon().unstarted(r));

    public LineSimulator(SimPlant plant, SimPublisher publisher, Clock clock, Duration period) {
        this.plant = plant;
        this.publisher = publisher;
        this.clock = clock;
        this.period = period;
    }

    /** Starts ticking now and every period. */
    public void start() {
        scheduler.scheduleAtFixedRate(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Messages handed to the publisher so far. */
    public long published() {
        return published.get();
    }

    /** Ticks or publishes that failed. */
    public long failures() {
        return failures.get();
    }

    private void tick() {
        try {
            for (SimMessage m : plant.tick(clock.instant())) {
                publisher.publish(m.topic(), m.payload());
                published.incrementAndGet();
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "simulator tick failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
