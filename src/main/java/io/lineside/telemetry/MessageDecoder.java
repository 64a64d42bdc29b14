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
    private final TopicResolver resolver;
    private final JsonPayloadDecoder single = new JsonPayloadDecoder();
    private final BatchPayloadDecoder batch = new BatchPayloadDecoder();
    private final long skewLimitMillis;
    private final Map<Object, Last> lastSeq = new HashMap<>();

    MessageDecoder(TopicMappings mappings, IngestSink sink, IngestDiagnostics diagnostics) {
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.skewLimitMillis = mappings.clockSkewLimit().toMillis();
        this.resolver = new TopicResolver(mappings, resolved -> {
            for (int i = 0; i < resolved.paths().length; i++) {
                if (!resolved.metas()[i].equals(TagMeta.NONE)) {
                    sink.describe(resolved.paths()[i], resolved.metas()[i]);
                }
            }
        });
    }

    /** Decodes one message and hands its updates (and any gap) to the sink. */
    void handle(String topic, byte[] payload, Instant received) {
        TopicResolver.Resolved resolved = resolver.resolve(topic);
        if (resolved == null) {
            diagnostics.unknownTopic(topic);
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
        if (isDuplicate(path, value.seq(), value.sourceTime(), resolved.paths())) {
            return;
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
            for (TagPath path : paths) {
                sink.accept(new TagUpdate(path, new TagValue(null, received, received, Quality.BAD, -1)));
            }
            return;
        }
        if (isDuplicate(topic, decoded.seq(), decoded.sourceTime(), paths)) {
            return;
        }
        diagnostics.decoded();
        MappingRule rule = resolved.rule();
        Instant source = decoded.sourceTime();
        boolean skewed = skewedTimes(source, received);
        for (int i = 0; i < paths.length; i++) {
            String problem = decoded.problems()[i];
            TagValue value;
            if (problem == null) {
                value = checked(new TagValue(decoded.values()[i], source, received, decoded.quality(), decoded.seq()),
                        resolved.metas()[i], skewed);
            } else if (problem.equals(BatchPayloadDecoder.MISSING) && rule.partial()) {
                continue; // report by exception: absent means unchanged
            } else {
                diagnostics.badValue();
                value = new TagValue(null, source, received, Quality.BAD, decoded.seq(), skewed ? TagValue.CLOCK_SKEW : 0);
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
     * Tracks the publisher's sequence per stream (a tag, or a batch topic): drops redelivered duplicates, accepts a
     * restart at 1, and reports a jump (messages the broker dropped) to the sink as a {@link TagGap} of each of the
     * stream's tags before the updates that revealed it.
     */
    private boolean isDuplicate(Object stream, long seq, Instant sourceTime, TagPath[] paths) {
        if (seq < 0) {
            return false;
        }
        Last last = lastSeq.put(stream, new Last(seq, sourceTime));
        if (last == null || seq == 1 || seq == last.seq() + 1) {
            return false;
        }
        if (seq > last.seq()) {
            diagnostics.seqGap();
            Instant from = last.sourceTime();
            Instant to = sourceTime.isBefore(from) ? from : sourceTime; // a publisher clock step
            for (TagPath path : paths) {
                sink.gap(new TagGap(path, from, to, seq - last.seq() - 1));
            }
            return false;
        }
        lastSeq.put(stream, last);
        diagnostics.duplicate();
        return true;
    }
}
