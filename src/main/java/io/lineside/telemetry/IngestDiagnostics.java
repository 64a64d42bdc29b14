package io.lineside.telemetry;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters for everything that did not become a good value: oversize payloads, a full ingest queue,
 * parse errors, unknown topics (bounded, least recently seen forgotten first) and sequence gaps; shared by the JSON
 * pipeline and the Sparkplug host (which records through the public methods). Safe from any thread; {@link #snapshot()} is what the UI shows.
 */
public final class IngestDiagnostics {

    /** Unknown topics remembered at most; beyond that the least recently seen are forgotten. */
    static final int MAX_UNKNOWN_TOPICS = 1_000;
    /** Bytes of a bad payload kept for the engineer, as hex. */
    static final int BAD_PAYLOAD_PREFIX = 64;

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong oversize = new AtomicLong();
    private final AtomicLong queueFull = new AtomicLong();
    private final AtomicLong parseErrors = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong seqGaps = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong callbackErrors = new AtomicLong();
    private final AtomicLong badValues = new AtomicLong();
    private final AtomicLong rebirthRequests = new AtomicLong();
    private final AtomicLong ignoredDeaths = new AtomicLong();
    private final AtomicLong clockSkews = new AtomicLong();
    private final AtomicLong outOfRange = new AtomicLong();
    private final AtomicLong discardedValues = new AtomicLong();
    private final AtomicLong rebirthsSuppressed = new AtomicLong();
    private final AtomicLong lateMessages = new AtomicLong();
    private final AtomicLong windowOverflows = new AtomicLong();
    private final AtomicLong unreadableTopics = new AtomicLong();
    private final Map<String, Long> unknownTopics = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_UNKNOWN_TOPICS;
        }
    };
    private volatile BadPayload lastBad;
    /** The last payload of each unknown topic, as short text (same bound as the counts; the tag browser shows it). */
    private final Map<String, String> unknownPayloads = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_UNKNOWN_TOPICS;
        }
    };
    /** The topic each mapped tag arrives on (first seen), at most {@link #MAX_MAPPED_TOPICS} tags. */
    private final java.util.concurrent.ConcurrentHashMap<io.lineside.tags.TagPath, String> mappedTopics =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Tags whose topic is remembered at most. */
    static final int MAX_MAPPED_TOPICS = 10_000;
    /** Characters of an unknown topic's last payload kept. */
    static final int UNKNOWN_PAYLOAD_CHARS = 120;

    /** The last payload that failed to decode: where, when, why, and its first bytes in hex. */
    public record BadPayload(String topic, Instant time, String reason, String hexPrefix) {
    }

    /**
     * A consistent-enough copy of the counters for display.
     *
     * @param badValues       values refused as BAD: wrong type for the declared one, NaN, ±Infinity, null (Sparkplug)
     * @param rebirthRequests Sparkplug rebirth commands sent (after a seq gap, or data before a birth)
     * @param ignoredDeaths   Sparkplug NDEATHs ignored because their bdSeq belonged to an older session
     * @param clockSkews      messages whose source time differed from the receive time by more than the limit
     * @param outOfRange      values outside their tag's engineering range (kept, as UNCERTAIN)
     * @param unreadableTopics messages on a topic the MQTT library could not decode (an emoji, a control
     *                         character, ...): skipped, acknowledged, and counted in {@code unknownMessages} too
     * @param discardedValues    Sparkplug values not stored (data before a birth, an undeclared alias): gap rows
     * @param rebirthsSuppressed Sparkplug rebirth requests not sent because of the rate limits
     * @param lateMessages       messages stored late, out of seq order (not duplicates: see {@link #lateMessage})
     * @param windowOverflows    Sparkplug seq gaps given up early because the reorder window was full
     */
    public record Snapshot(long received, long decoded, long oversize, long queueFull, long parseErrors,
                           long unknownMessages, int unknownTopics, long seqGaps, long duplicates,
                           long callbackErrors,
                           BadPayload lastBad, long badValues, long rebirthRequests, long ignoredDeaths,
                           long clockSkews, long outOfRange, long unreadableTopics, long discardedValues,
                           long rebirthsSuppressed, long lateMessages, long windowOverflows) {

        /** Without the Sparkplug window counters and late messages (zero). */
        public Snapshot(long received, long decoded, long oversize, long queueFull, long parseErrors,
                        long unknownMessages, int unknownTopics, long seqGaps, long duplicates, long callbackErrors,
                        BadPayload lastBad, long badValues, long rebirthRequests, long ignoredDeaths,
                        long clockSkews, long outOfRange, long unreadableTopics) {
            this(received, decoded, oversize, queueFull, parseErrors, unknownMessages, unknownTopics, seqGaps,
                    duplicates, callbackErrors, lastBad, badValues, rebirthRequests, ignoredDeaths, clockSkews,
                    outOfRange, unreadableTopics, 0, 0, 0, 0);
        }

        /** Without the unreadable-topic counter (zero). */
        public Snapshot(long received, long decoded, long oversize, long queueFull, long parseErrors,
                        long unknownMessages, int unknownTopics, long seqGaps, long duplicates, long callbackErrors,
                        BadPayload lastBad, long badValues, long rebirthRequests, long ignoredDeaths,
                        long clockSkews, long outOfRange) {
            this(received, decoded, oversize, queueFull, parseErrors, unknownMessages, unknownTopics, seqGaps,
                    duplicates, callbackErrors, lastBad, badValues, rebirthRequests, ignoredDeaths, clockSkews,
                    outOfRange, 0);
        }

        /** Without the Sparkplug and mapping counters (all zero). */
        public Snapshot(long received, long decoded, long oversize, long queueFull, long parseErrors,
                        long unknownMessages, int unknownTopics, long seqGaps, long duplicates, long callbackErrors,
                        BadPayload lastBad) {
            this(received, decoded, oversize, queueFull, parseErrors, unknownMessages, unknownTopics, seqGaps,
                    duplicates, callbackErrors, lastBad, 0, 0, 0, 0, 0, 0);
        }
    }

    public void received() {
        received.incrementAndGet();
    }

    public void decoded() {
        decoded.incrementAndGet();
    }

    public void oversize() {
        oversize.incrementAndGet();
    }

    public void queueFull() {
        queueFull.incrementAndGet();
    }

    public void callbackError() {
        callbackErrors.incrementAndGet();
    }

    public void seqGap() {
        seqGaps.incrementAndGet();
    }

    public void duplicate() {
        duplicates.incrementAndGet();
    }

    public void parseError(String topic, byte[] payload, String reason, Instant time) {
        parseErrors.incrementAndGet();
        byte[] prefix = java.util.Arrays.copyOf(payload, Math.min(payload.length, BAD_PAYLOAD_PREFIX));
        lastBad = new BadPayload(topic, time, reason, HexFormat.of().formatHex(prefix));
    }

    /** A topic no mapping resolves; a {@link UnreadableTopics} stand-in is counted as unreadable too. */
    public void unknownTopic(String topic) {
        unknown.incrementAndGet();
        if (UnreadableTopics.isStandIn(topic)) {
            unreadableTopics.incrementAndGet();
        }
        String key = topic.length() > 256 ? topic.substring(0, 256) : topic;
        synchronized (unknownTopics) {
            unknownTopics.merge(key, 1L, Long::sum);
        }
    }

    /** Like {@link #unknownTopic(String)}, keeping the start of the payload as text for the tag browser. */
    public void unknownTopic(String topic, byte[] payload) {
        unknownTopic(topic);
        String key = topic.length() > 256 ? topic.substring(0, 256) : topic;
        int n = Math.min(payload == null ? 0 : payload.length, UNKNOWN_PAYLOAD_CHARS);
        String text = n == 0 ? "" : new String(payload, 0, n, java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", " ");
        synchronized (unknownTopics) {
            unknownPayloads.put(key, text);
        }
    }

    /** Forgets {@code topic} as unknown (it has just been mapped): the tag browser lists it under its tag instead. */
    public void forgetUnknown(String topic) {
        String key = topic.length() > 256 ? topic.substring(0, 256) : topic;
        synchronized (unknownTopics) {
            unknownTopics.remove(key);
            unknownPayloads.remove(key);
        }
    }

    /** A topic the mapping resolved for the first time, and the tags it carries. */
    public void mappedTopic(String topic, io.lineside.tags.TagPath[] paths) {
        for (io.lineside.tags.TagPath path : paths) {
            if (mappedTopics.size() >= MAX_MAPPED_TOPICS) {
                return;
            }
            mappedTopics.putIfAbsent(path, topic);
        }
    }

    /** The topic each mapped JSON tag arrived on (bounded); safe from any thread. */
    public Map<io.lineside.tags.TagPath, String> mappedTopics() {
        return Map.copyOf(mappedTopics);
    }

    /** The last payload (its start, as text) of each unknown topic remembered; empty text for Sparkplug ones. */
    public Map<String, String> unknownPayloads() {
        synchronized (unknownTopics) {
            return Map.copyOf(unknownPayloads);
        }
    }

    public void badValue() {
        badValues.incrementAndGet();
    }

    public void rebirthRequested() {
        rebirthRequests.incrementAndGet();
    }

    public void ignoredDeath() {
        ignoredDeaths.incrementAndGet();
    }

    /** A message whose source time strayed from its receive time by more than the configured limit. */
    public void clockSkew() {
        clockSkews.incrementAndGet();
    }

    /** A value outside its tag's engineering range (kept, as UNCERTAIN). */
    public void outOfRange() {
        outOfRange.incrementAndGet();
    }

    /**
     * Sparkplug values that could not be stored (no birth seen, a dead node or device, an alias no birth declared);
     * each is also covered by a gap row once its tag is known.
     */
    public void discardedValues(long count) {
        discardedValues.addAndGet(count);
    }

    /** A Sparkplug rebirth request not sent: one for that node went out recently, or too many went out overall. */
    public void rebirthSuppressed() {
        rebirthsSuppressed.incrementAndGet();
    }

    /**
     * A message stored late, out of seq order: a Sparkplug message that arrived after its seq gap was given up, or a
     * JSON message whose seq is at or below its stream's last one (a redelivered backlog after a broker restart).
     * Not a duplicate: only history knows whether that exact sample is already stored.
     */
    public void lateMessage() {
        lateMessages.incrementAndGet();
    }

    /** A Sparkplug seq gap given up before the reorder timeout because the window was full (half the seq space). */
    public void windowOverflow() {
        windowOverflows.incrementAndGet();
    }

    /** Sparkplug values not stored so far (see {@link #discardedValues(long)}). */
    public long discardedValues() {
        return discardedValues.get();
    }

    /** Sparkplug rebirth requests suppressed by the rate limits so far. */
    public long rebirthsSuppressed() {
        return rebirthsSuppressed.get();
    }

    /** Messages stored late, out of seq order, so far. */
    public long lateMessages() {
        return lateMessages.get();
    }

    /** Sparkplug reorder windows cut short by overflow so far. */
    public long windowOverflows() {
        return windowOverflows.get();
    }

    /** Messages flagged for clock skew so far. */
    public long clockSkews() {
        return clockSkews.get();
    }

    /** Values outside their engineering range so far. */
    public long outOfRangeValues() {
        return outOfRange.get();
    }

    /** The unknown topics remembered, with their message counts, most recently seen last. */
    public Map<String, Long> unknownTopics() {
        synchronized (unknownTopics) {
            return Map.copyOf(unknownTopics);
        }
    }

    public Snapshot snapshot() {
        int topics;
        synchronized (unknownTopics) {
            topics = unknownTopics.size();
        }
        return new Snapshot(received.get(), decoded.get(), oversize.get(), queueFull.get(), parseErrors.get(),
                unknown.get(), topics, seqGaps.get(), duplicates.get(), callbackErrors.get(), lastBad,
                badValues.get(), rebirthRequests.get(), ignoredDeaths.get(), clockSkews.get(), outOfRange.get(),
                unreadableTopics.get(), discardedValues.get(), rebirthsSuppressed.get(), lateMessages.get(),
                windowOverflows.get());
    }
}
