package io.lineside.telemetry;

import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.mapping.MappingRule;
import io.lineside.telemetry.mapping.PayloadKind;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.mapping.TopicResolver;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The decode step of {@link IngestPipeline}: topic → rule → payload → {@link TagUpdate}s, with honest quality. A
 * payload that cannot be decoded marks its tags BAD; in a batch, a missing or wrong-typed signal marks only that
 * signal BAD (counted as a bad value). A number outside the tag's engineering range is kept as UNCERTAIN with
 * {@link TagValue#OUT_OF_RANGE}; a source time further than the limit from the receive time is flagged
 * {@link TagValue#CLOCK_SKEW}. Thread-confined (the decoder thread).
 */
final class MessageDecoder {

    /** The last in-order sample of a stream (a tag, or a batch topic): its seq and source time. */
    private record Last(long seq, Instant sourceTime) {
    }

    private final IngestSink sink;
    private final IngestDiagnostics diagnostics;
    private TopicResolver resolver;
    // taken by the decoder thread before its next message; getAndSet, so a second save while one is taken is kept
    private final java.util.concurrent.atomic.AtomicReference<TopicMappings> remapped =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final JsonPayloadDecoder single = new JsonPayloadDecoder();
    private final BatchPayloadDecoder batch = new BatchPayloadDecoder();
    private final long skewLimitMillis;
    private final Map<Object, Last> lastSeq = new HashMap<>();
    private long receiveSeq = -1;
    private volatile java.util.function.Predicate<String> commandTopics = topic -> false;

    MessageDecoder(TopicMappings mappings, IngestSink sink, IngestDiagnostics diagnostics) {
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.skewLimitMillis = mappings.clockSkewLimit().toMillis();
        this.resolver = resolver(mappings);
    }

    private TopicResolver resolver(TopicMappings mappings) {
        return new TopicResolver(mappings, (topic, resolved) -> {
            diagnostics.mappedTopic(topic, resolved.paths()); // the resolver reports new topics only
            for (int i = 0; i < resolved.paths().length; i++) {
                if (!resolved.metas()[i].equals(TagMeta.NONE)) {
                    sink.describe(resolved.paths()[i], resolved.metas()[i]);
                }
            }
        });
    }

    /**
     * Resolves topics through {@code mappings} from the next message on (an engineer mapped a topic in the app);
     * sequences, gaps and the clock-skew limit carry on. Safe from any thread.
     */
    void remap(TopicMappings mappings) {
        remapped.set(java.util.Objects.requireNonNull(mappings));
    }

    /** Where a tag's sequence stood before (its last sample in history): a first seq further on is a gap. */
    void resumeFrom(TagPath path, long seq, Instant sourceTime) {
        lastSeq.put(path, new Last(seq, sourceTime));
    }

    /** Topics that carry writes to the plant (operator commands), not telemetry: never counted as unknown. */
    void commandTopics(java.util.function.Predicate<String> isCommandTopic) {
        this.commandTopics = java.util.Objects.requireNonNull(isCommandTopic);
    }

    /** Decodes one message and hands its updates (and any gap) to the sink. */
    void handle(String topic, byte[] payload, Instant received) {
        TopicMappings next = remapped.getAndSet(null);
        if (next != null) {
            resolver = resolver(next); // a fresh cache: a topic unknown until now resolves anew
            for (String unknown : diagnostics.unknownTopics().keySet()) {
                if (resolver.resolve(unknown) != null) {
                    diagnostics.forgetUnknown(unknown); // mapped now: listed under its tag, no longer as a stray
                }
            }
        }
        TopicResolver.Resolved resolved = resolver.resolve(topic);
        if (resolved == null) {
            if (!commandTopics.test(topic)) { // our own (or another HMI's) command echoed by the broker is no stray
                diagnostics.unknownTopic(topic, payload);
            }
        } else if (resolved.rule().kind() == PayloadKind.BATCH) {
            handleBatch(topic, payload, received, resolved);
        } else {
            handleSingle(topic, payload, received, resolved);
        }
    }

    private void handleSingle(String topic, byte[] payload, Instant received, TopicResolver.Resolved resolved) {
        TagPath path = resolved.paths()[0];
        TagValue value;
        try {
            value = single.decode(payload, received, resolved.rule().kind() == PayloadKind.OBJECT);
            value = checked(value, resolved.metas()[0], skewed(value));
        } catch (DecodeException e) {
            diagnostics.parseError(topic, payload, e.getMessage(), received);
            value = new TagValue(null, received, received, Quality.BAD, -1);
        }
        if (value.seq() < 0) {
            value = new TagValue(value.value(), value.sourceTime(), value.receiveTime(), value.quality(),
                    nextReceiveSeq(), value.flags());
        } else {
            value = value.withFlags(sequence(path, value.seq(), value.sourceTime(), resolved.paths()));
        }
        diagnostics.decoded();
        sink.accept(new TagUpdate(path, value));
    }

    private void handleBatch(String topic, byte[] payload, Instant received, TopicResolver.Resolved resolved) {
        TagPath[] paths = resolved.paths();
        BatchPayloadDecoder.Batch decoded;
        try {
            decoded = batch.decode(resolved.rule(), payload, received);
        } catch (DecodeException e) {
            diagnostics.parseError(topic, payload, e.getMessage(), received);
            diagnostics.decoded();
            long seq = nextReceiveSeq();
            for (TagPath path : paths) {
                sink.accept(new TagUpdate(path, new TagValue(null, received, received, Quality.BAD, seq)));
            }
            return;
        }
        long seq = decoded.seq() < 0 ? nextReceiveSeq() : decoded.seq();
        int late = decoded.seq() < 0 ? 0 : sequence(topic, seq, decoded.sourceTime(), paths);
        diagnostics.decoded();
        MappingRule rule = resolved.rule();
        Instant source = decoded.sourceTime();
        boolean skewed = skewedTimes(source, received);
        for (int i = 0; i < paths.length; i++) {
            String problem = decoded.problems()[i];
            TagValue value;
            if (problem == null) {
                value = checked(new TagValue(decoded.values()[i], source, received, decoded.quality(), seq),
                        resolved.metas()[i], skewed).withFlags(late);
            } else if (problem.equals(BatchPayloadDecoder.MISSING) && rule.partial()) {
                continue; // report by exception: absent means unchanged
            } else {
                diagnostics.badValue();
                value = new TagValue(null, source, received, Quality.BAD, seq, (skewed ? TagValue.CLOCK_SKEW : 0) | late);
            }
            sink.accept(new TagUpdate(paths[i], value));
        }
    }

    private boolean skewed(TagValue value) {
        return skewedTimes(value.sourceTime(), value.receiveTime());
    }

    /** True (and counted) when the publisher's clock strays beyond the limit; a value without its own time never. */
    private boolean skewedTimes(Instant source, Instant received) {
        long diff = Math.abs(source.toEpochMilli() - received.toEpochMilli());
        if (diff > skewLimitMillis) {
            diagnostics.clockSkew();
            return true;
        }
        return false;
    }

    /** Flags a value outside its engineering range (GOOD becomes UNCERTAIN) and a skewed clock. */
    private TagValue checked(TagValue value, TagMeta meta, boolean skewed) {
        int flags = skewed ? TagValue.CLOCK_SKEW : 0;
        Quality quality = value.quality();
        if (value.value() instanceof Double d && meta.outOfRange(d)) {
            diagnostics.outOfRange();
            flags |= TagValue.OUT_OF_RANGE;
            quality = quality == Quality.GOOD ? Quality.UNCERTAIN : quality;
        }
        return flags == 0 ? value
                : new TagValue(value.value(), value.sourceTime(), value.receiveTime(), quality, value.seq(), flags);
    }

    /**
     * The key of a message that carries no seq of its own: a receive sequence (-2, -3, ...), so two messages in
     * the same millisecond are two samples, never one (the receive clock alone is never the key). Negative, so it is
     * never mistaken for a publisher's sequence.
     */
    private long nextReceiveSeq() {
        return --receiveSeq;
    }

    /**
     * Tracks the publisher's sequence per stream (a tag, or a batch topic): accepts a restart at 1, and reports a
     * jump (messages not delivered, so far) to the sink as a {@link TagGap} of each of the stream's tags, with its
     * missing seqs, before the updates that revealed it. A seq at or below the last one is late (a redelivered
     * backlog, a broker restart): nothing is dropped here. It is flagged {@link TagValue#LATE} and goes to history,
     * which stores it once in its place (an exact copy of a stored sample adds no row) and shrinks the gap it fills.
     *
     * @return {@link TagValue#LATE} or 0
     */
    private int sequence(Object stream, long seq, Instant sourceTime, TagPath[] paths) {
        Last last = lastSeq.get(stream);
        if (last == null || seq == 1 || seq == last.seq() + 1) {
            lastSeq.put(stream, new Last(seq, sourceTime));
            return 0;
        }
        if (seq > last.seq()) {
            lastSeq.put(stream, new Last(seq, sourceTime));
            diagnostics.seqGap();
            Instant from = last.sourceTime();
            Instant to = sourceTime.isBefore(from) ? from : sourceTime; // a publisher clock step
            for (TagPath path : paths) {
                sink.gap(new TagGap(path, from, to, seq - last.seq() - 1, last.seq() + 1));
            }
            return 0;
        }
        // Late or redelivered: history decides whether it is new, and counts it as a duplicate only if this exact
        // sample is already stored (HistoryWriter#duplicateCount). Here it is only late.
        diagnostics.lateMessage();
        return TagValue.LATE;
    }
}
