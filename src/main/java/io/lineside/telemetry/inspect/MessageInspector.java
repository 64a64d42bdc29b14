package io.lineside.telemetry.inspect;

import io.lineside.telemetry.MessageTap;
import io.lineside.telemetry.mapping.TopicMappings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engineers' view of the wire: the last {@link #RING} messages, and the last message of up to
 * {@link #MAX_TOPICS} topics, each with its decoded form. Capture is off until {@link #setWatching}(true): the MQTT
 * callback then pays one volatile read per message. While watching, the callback copies at most
 * {@link #MAX_DECODE_BYTES} and enqueues (never blocks: a full queue drops and counts); one thread,
 * {@code lineside-inspector}, decodes. Memory stays bounded whatever is sent. Safe from any thread.
 */
public final class MessageInspector implements MessageTap, AutoCloseable {

    public static final int RING = 200;
    public static final int MAX_TOPICS = 500;
    /** Larger payloads are kept only as their first bytes and not decoded. */
    public static final int MAX_DECODE_BYTES = 64 * 1024;
    /** Payload bytes kept per captured message. */
    public static final int HEAD_BYTES = 256;
    /** Characters of decoded text kept per captured message. */
    public static final int MAX_DETAIL = 8_000;
    static final int PENDING = 64;

    private record Pending(Instant received, String topic, int qos, boolean retained, int size, byte[] bytes) {
    }

    private final Clock clock;
    private final PayloadPreview preview;
    private final BlockingQueue<Pending> pending = new ArrayBlockingQueue<>(PENDING);
    private final ArrayDeque<InspectedMessage> ring = new ArrayDeque<>(RING);
    private final Map<String, InspectedMessage> latest = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InspectedMessage> eldest) {
            return size() > MAX_TOPICS;
        }
    };
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean watching;
    private volatile TopicFilter filter = TopicFilter.ALL;
    private volatile long version;
    private long number;

    /** @param mappings the topic mappings the ingest uses, so the decoded form is the ingest's own */
    public MessageInspector(TopicMappings mappings, Clock clock) {
        this.clock = clock;
        this.preview = new PayloadPreview(mappings);
        this.thread = Thread.ofPlatform().name("lineside-inspector").daemon().start(this::run);
    }

    @Override
    public boolean watching() {
        return watching;
    }

    /** Starts or stops capturing (the inspector is open and not paused). */
    public void setWatching(boolean on) {
        watching = on;
    }

    /** Captures only topics {@code filter} matches from now on; what was captured stays. */
    public void setFilter(TopicFilter filter) {
        this.filter = filter;
    }

    public TopicFilter filter() {
        return filter;
    }

    @Override
    public void seen(String topic, int qos, boolean retained, byte[] payload) {
        try {
            if (!watching || !filter.matches(topic)) {
                return;
            }
            byte[] kept = Arrays.copyOf(payload, Math.min(payload.length, MAX_DECODE_BYTES));
            if (!pending.offer(new Pending(clock.instant(), topic, qos, retained, payload.length, kept))) {
                dropped.incrementAndGet();
            }
        } catch (RuntimeException e) {
            dropped.incrementAndGet(); // never disturb the MQTT callback for a diagnostic view
        }
    }

    /** Changes whenever something was captured or cleared: readers rebuild only then. */
    public long version() {
        return version;
    }

    /** Messages not captured because the inspector's own queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** The captured messages, oldest first. */
    public synchronized List<InspectedMessage> recent() {
        return List.copyOf(ring);
    }

    /** The last message of each topic seen, in topic order. */
    public synchronized List<InspectedMessage> latestPerTopic() {
        List<InspectedMessage> all = new ArrayList<>(latest.values());
        all.sort((a, b) -> a.topic().compareTo(b.topic()));
        return all;
    }

    /** Forgets everything captured. */
    public synchronized void clear() {
        ring.clear();
        latest.clear();
        version++;
    }

    private void run() {
        while (true) {
            Pending p;
            try {
                p = pending.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                add(inspect(p));
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
            }
        }
    }

    private InspectedMessage inspect(Pending p) {
        PayloadPreview.Preview d = preview.describe(p.topic(), p.bytes(), p.size(), p.received());
        byte[] head = Arrays.copyOf(p.bytes(), Math.min(p.bytes().length, HEAD_BYTES));
        return new InspectedMessage(0, p.received(), p.topic(), p.qos(), p.retained(), p.size(), head,
                cut(d.summary(), 300), cut(d.detail(), MAX_DETAIL), d.error());
    }

    private synchronized void add(InspectedMessage m) {
        InspectedMessage numbered = new InspectedMessage(++number, m.received(), m.topic(), m.qos(), m.retained(),
                m.size(), m.head(), m.summary(), m.detail(), m.error());
        if (ring.size() == RING) {
            ring.removeFirst();
        }
        ring.addLast(numbered);
        latest.put(numbered.topic(), numbered);
        version++;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "... [" + (s.length() - max) + " more characters]";
    }

    /** Stops the inspector's thread. */
    @Override
    public void close() {
        watching = false;
        thread.interrupt();
    }
}
