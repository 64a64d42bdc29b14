package io.lineside.telemetry;

import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagPath;
import io.lineside.telemetry.mapping.TopicMappings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * From raw MQTT messages to {@link TagUpdate}s. The MQTT callback calls {@link #offer} (O(1), never blocks, drops
 * and counts when full) or {@link #put} (waits a bounded time for room: backpressure); neither throws. One
 * decoder thread maps topics, decodes payloads and hands updates to the sink ({@link MessageDecoder}); a payload
 * that cannot be decoded marks its tags BAD (never "last value still good").
 */
public final class IngestPipeline implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IngestPipeline.class.getName());

    /** A message as the callback saw it; {@code payload} is null for one refused as oversize. */
    private record Raw(String topic, byte[] payload, long receivedMillis, Runnable ack) {
    }

    /** How long {@link #put} holds the MQTT callback for room: well inside the 5 s keep-alive. */
    static final Duration MAX_PUT_WAIT = Duration.ofSeconds(2);

    private final IngestSink sink;
    private final Clock clock;
    private final int maxPayloadBytes;
    private final BlockingQueue<Raw> queue;
    private final IngestDiagnostics diagnostics = new IngestDiagnostics();
    private final MessageDecoder step;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param sink            receives every decoded update on the decoder thread; must not block for long
     * @param maxPayloadBytes larger payloads are dropped before parsing
     * @param queueCapacity   messages waiting for the decoder; beyond that new ones are dropped and counted
     */
    public IngestPipeline(TopicMapper mapper, Consumer<TagUpdate> sink, Clock clock, int maxPayloadBytes,
                          int queueCapacity) {
        this(mapper, new IngestSink() {
            @Override
            public void accept(TagUpdate update) {
                sink.accept(update);
            }

            @Override
            public void messageDone(Runnable ack) {
                ack.run();
            }
        }, clock, maxPayloadBytes, queueCapacity);
    }

    /**
     * @param sink            receives every decoded update, then the message's ack, on the decoder thread
     * @param maxPayloadBytes larger payloads are dropped before parsing (and acknowledged: redelivery cannot help)
     * @param queueCapacity   messages waiting for the decoder; beyond that new ones are dropped, counted, and
     *                        not acknowledged, so a QoS 1 sender's broker keeps them
     */
    public IngestPipeline(TopicMapper mapper, IngestSink sink, Clock clock, int maxPayloadBytes, int queueCapacity) {
        this(TopicMappings.defaults(mapper.prefix()), sink, clock, maxPayloadBytes, queueCapacity);
    }

    /**
     * @param mappings        which topics carry which tags, and how (see {@link TopicMappings})
     * @param sink            receives every decoded update, then the message's ack, on the decoder thread
     * @param maxPayloadBytes larger payloads are dropped before parsing (and acknowledged: redelivery cannot help)
     * @param queueCapacity   messages waiting for the decoder; beyond that new ones are dropped, counted, and
     *                        not acknowledged, so a QoS 1 sender's broker keeps them
     */
    public IngestPipeline(TopicMappings mappings, IngestSink sink, Clock clock, int maxPayloadBytes, int queueCapacity) {
        this.step = new MessageDecoder(mappings, sink, diagnostics);
        this.sink = sink;
        this.clock = clock;
        this.maxPayloadBytes = maxPayloadBytes;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = Thread.ofPlatform().name("lineside-decoder").daemon().start(this::run);
    }

    /**
     * Topics that carry operator commands (this HMI's own writes come back through its subscription): they are
     * skipped, not counted as unknown topics. Call before messages arrive; safe from any thread.
     */
    public void commandTopics(java.util.function.Predicate<String> isCommandTopic) {
        step.commandTopics(isCommandTopic);
    }

    /** Accepts one message that needs no acknowledgement (QoS 0). Safe from any thread; never blocks or throws. */
    public void offer(String topic, byte[] payload) {
        offer(topic, payload, IngestSink.NO_ACK);
    }

    /**
     * Accepts one message from the MQTT callback; {@code ack} reaches the sink after the message's updates.
     * Safe from any thread; never blocks or throws.
     */
    public void offer(String topic, byte[] payload, Runnable ack) {
        enqueue(topic, payload, ack, 0);
    }

    /**
     * Like {@link #offer}, but when the queue is full waits up to {@link #MAX_PUT_WAIT} for room instead of
     * dropping: backpressure for a lossless ingest. Blocking Paho's callback makes Paho stop reading the socket,
     * so the broker holds the rest (QoS 0 included, up to its queue limit). Only a decoder stalled for longer drops
     * the message, counted in {@link IngestDiagnostics.Snapshot#queueFull()} (and unacknowledged: a QoS 1 sender's
     * broker keeps it). Safe from any thread; never throws.
     */
    public void put(String topic, byte[] payload, Runnable ack) {
        enqueue(topic, payload, ack, MAX_PUT_WAIT.toNanos());
    }

    private void enqueue(String topic, byte[] payload, Runnable ack, long waitNanos) {
        try {
            diagnostics.received();
            byte[] kept = null;
            if (payload.length > maxPayloadBytes) {
                diagnostics.oversize();
                LOG.log(System.Logger.Level.DEBUG, "payload too large ({0} bytes) on topic {1}", payload.length, topic);
            } else {
                kept = payload.clone();
            }
            // Even a refused payload goes through the queue, so acknowledgements keep arrival order.
            HandOff.offer(queue, new Raw(topic, kept, clock.millis(), ack), waitNanos, diagnostics);
        } catch (Throwable t) {
            diagnostics.callbackError();
        }
    }

    /**
     * Where {@code path}'s publisher sequence stood before this pipeline started (its last stored sample), so a
     * first seq further on is a gap: the messages missed while the HMI was down. Call before the first message.
     */
    public void resumeFrom(TagPath path, long seq, Instant sourceTime) {
        step.resumeFrom(path, seq, sourceTime); // handed to the decoder thread by the queue's lock
    }

    /**
     * From the next message on, topics resolve through {@code mappings} (a mapping saved in the app, applied live);
     * the topic filters subscribed to stay as they are. Safe from any thread.
     */
    public void remap(io.lineside.telemetry.mapping.TopicMappings mappings) {
        step.remap(mappings);
    }

    public IngestDiagnostics diagnostics() {
        return diagnostics;
    }

    /** Messages waiting for the decoder. */
    public int backlog() {
        return queue.size();
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Raw raw = queue.poll(100, TimeUnit.MILLISECONDS);
                if (raw != null) {
                    handleThenAck(raw);
                }
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private void handleThenAck(Raw raw) {
        try {
            sink.messageBegins(raw.ack() != IngestSink.NO_ACK);
            if (raw.payload() != null) {
                step.handle(raw.topic(), raw.payload(), Instant.ofEpochMilli(raw.receivedMillis()));
            }
        } catch (RuntimeException e) {
            diagnostics.callbackError();
            LOG.log(System.Logger.Level.WARNING, "update handling failed; message left unacknowledged", e);
            return;
        }
        try {
            sink.messageDone(raw.ack());
        } catch (RuntimeException e) {
            diagnostics.callbackError();
            LOG.log(System.Logger.Level.WARNING, "acknowledgement hand-off failed", e);
        }
    }

    /** Decodes what is queued (bounded wait) and stops the decoder thread. */
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
