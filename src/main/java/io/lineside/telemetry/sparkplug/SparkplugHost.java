package io.lineside.telemetry.sparkplug;

import io.lineside.telemetry.HandOff;
import io.lineside.telemetry.IngestDiagnostics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Sparkplug decoder stage: {@link #offer} is what the Sparkplug connection's callback calls (size check, copy,
 * enqueue; never throws). It returns at once while the queue has room; when the decoder is behind it waits at most
 * {@link #MAX_PUT_WAIT} (2 s), then drops and counts the message. One thread, {@code lineside-sparkplug}, runs the
 * {@link SparkplugEngine} and checks the reorder timeouts every {@link #TICK_MILLIS} ms.
 */
public final class SparkplugHost implements AutoCloseable {

    static final long TICK_MILLIS = 100;

    /** How long the MQTT callback waits for the decoder: well inside the 5 s keep-alive (as the JSON path). */
    static final Duration MAX_PUT_WAIT = Duration.ofSeconds(2);

    /** A message as the callback saw it; {@code payload} is null for one refused as oversize. */
    private record Raw(String topic, byte[] payload, Instant received) {
    }

    /** Marks "the broker link dropped" in the queue, so it is handled in order with the messages. */
    private static final Raw LINK_LOST = new Raw("", null, Instant.EPOCH);

    private final SparkplugEngine engine;
    private final IngestDiagnostics diagnostics;
    private final Clock clock;
    private final int maxPayloadBytes;
    private final BlockingQueue<Raw> queue;
    private final Thread thread;
    private volatile Map<String, Boolean> hostStates = Map.of();
    private volatile int nodes;
    private volatile boolean running = true;

    /**
     * @param queueCapacity messages waiting for the decoder; beyond that the callback waits up to
     *                      {@link #MAX_PUT_WAIT}, then the message is dropped and counted
     */
    public SparkplugHost(SparkplugSettings settings, SparkplugSink sink, CommandPublisher commands,
                         IngestDiagnostics diagnostics, Clock clock, int queueCapacity) {
        this.engine = new SparkplugEngine(settings, sink, commands, diagnostics);
        this.diagnostics = diagnostics;
        this.clock = clock;
        this.maxPayloadBytes = settings.limits().maxPayloadBytes();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = Thread.ofPlatform().name("lineside-sparkplug").daemon().start(this::run);
    }

    /**
     * Accepts one message from the MQTT callback. When the decoder is behind it waits at most
     * {@link #MAX_PUT_WAIT} for room (backpressure to the broker, decision 0007), then drops and counts. Safe from
     * any thread; never throws.
     */
    public void offer(String topic, byte[] payload, Runnable ack) {
        try {
            diagnostics.received();
            byte[] kept = payload.length > maxPayloadBytes ? null : payload.clone();
            HandOff.offer(queue, new Raw(topic, kept, clock.instant()), MAX_PUT_WAIT.toNanos(), diagnostics);
            ack.run(); // a clean session: nothing to acknowledge, the ack is a no-op
        } catch (Throwable t) {
            diagnostics.callbackError();
        }
    }

    /** The broker link dropped: every node's tags turn STALE and every node must be born again. Safe from any thread; never blocks. */
    public void linkLost() {
        if (!queue.offer(LINK_LOST)) {
            diagnostics.queueFull();
        }
    }

    /** Other host applications' last STATE (host id to online), refreshed every tick. Safe from any thread. */
    public Map<String, Boolean> hostStates() {
        return hostStates;
    }

    /** The metrics the current births declare, for the tag browser. Safe from any thread. */
    public BirthRegistry births() {
        return engine.births();
    }

    /** Edge nodes tracked, refreshed every tick. Safe from any thread. */
    public int nodeCount() {
        return nodes;
    }

    private void run() {
        long nextTick = 0;
        while (running || !queue.isEmpty()) {
            try {
                Raw raw = queue.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (raw == LINK_LOST) {
                    engine.connectionLost(clock.instant());
                } else if (raw != null && raw.payload() == null) {
                    engine.oversize(raw.topic(), raw.received());
                } else if (raw != null) {
                    engine.handle(raw.topic(), raw.payload(), raw.received());
                }
                long now = clock.millis();
                if (now >= nextTick) {
                    engine.tick(Instant.ofEpochMilli(now));
                    nextTick = now + TICK_MILLIS;
                    hostStates = engine.hostStates();
                    nodes = engine.nodeCount();
                }
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException e) {
                diagnostics.callbackError(); // the engine catches its own; this keeps the thread alive regardless
            }
        }
    }

    /** Decodes what is queued (bounded wait) and stops the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
