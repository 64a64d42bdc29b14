package io.lineside.telemetry.inspect;

import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.DecodePreview;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.sparkplug.MessageType;
import io.lineside.telemetry.sparkplug.SparkplugDecodeException;
import io.lineside.telemetry.sparkplug.SparkplugLimits;
import io.lineside.telemetry.sparkplug.SparkplugPreview;
import io.lineside.telemetry.sparkplug.SparkplugTopic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What the ingest makes of one message, as text: the {@link TagUpdate}s of a mapped topic (through the ingest's
 * own decode step, {@link DecodePreview}), the decoded Sparkplug B payload, a STATE's JSON, or the reason it is
 * refused. Thread-confined (the inspector's thread).
 */
final class PayloadPreview {

    /** The decoded form of one message. */
    record Preview(String summary, String detail, boolean error) {
    }

    private final DecodePreview ingest;
    private final SparkplugPreview sparkplug = new SparkplugPreview(SparkplugLimits.DEFAULT);

    PayloadPreview(TopicMappings mappings) {
        this.ingest = new DecodePreview(mappings);
    }

    /** @param bytes the payload, or its first bytes when {@code size} is larger (then it is not decoded) */
    Preview describe(String topic, byte[] bytes, int size, Instant received) {
        if (bytes.length < size) {
            return new Preview("not decoded: " + size + " bytes", "Not decoded: the payload (" + size
                    + " bytes) is over the inspector's limit of " + bytes.length + " bytes.", false);
        }
        if (topic.startsWith(SparkplugTopic.NAMESPACE + "/")) {
            return sparkplug(topic, bytes);
        }
        DecodePreview.Result r = ingest.decode(topic, bytes, received);
        if (r.unknownTopic()) {
            return new Preview("unknown topic", "No mapping rule matches this topic (counted as unknown).", true);
        }
        if (r.error() != null) {
            return new Preview("decode error: " + r.error(), "Decode error (the tag is marked BAD):\n" + r.error(), true);
        }
        if (r.updates().isEmpty()) {
            return new Preview("no update (a duplicate seq)", "No tag update: the seq was seen already.", false);
        }
        StringBuilder detail = new StringBuilder(r.updates().size() == 1 ? "Tag update:" : "Tag updates:");
        for (TagUpdate u : r.updates()) {
            detail.append('\n').append(u.path()).append(" = ").append(value(u.value()));
        }
        detail.append("\nsource time ").append(r.updates().getFirst().value().sourceTime());
        r.gaps().forEach(g -> detail.append("\nseq gap: ").append(g.missing()).append(" missing before this message"));
        TagValue first = r.updates().getFirst().value();
        // The table shows the topic beside the summary; the detail names the tag(s) the topic maps to.
        String summary = r.updates().size() == 1 ? value(first) : r.updates().size() + " tags, " + value(first) + ", ...";
        return new Preview(summary, detail.toString(), false);
    }

    private static String value(TagValue v) {
        return v.value() + " (" + v.quality() + (v.seq() >= 0 ? ", seq " + v.seq() : "") + ")";
    }

    private Preview sparkplug(String topic, byte[] bytes) {
        SparkplugTopic parsed = SparkplugTopic.parse(topic);
        if (parsed == null) {
            return new Preview("not a Sparkplug B topic", "Malformed Sparkplug B topic.", true);
        }
        if (parsed.type() == MessageType.STATE) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new Preview("STATE " + text, "Host application STATE (JSON):\n" + text, false);
        }
        try {
            SparkplugPreview.Decoded d = sparkplug.describe(bytes);
            return new Preview(parsed.type() + " seq " + d.seq() + ", " + d.metrics() + " metrics",
                    "Sparkplug B " + parsed.type() + ":\n" + String.join("\n", d.lines()), false);
        } catch (SparkplugDecodeException e) {
            return new Preview("decode error: " + e.getMessage(), "Sparkplug B decode error:\n" + e.getMessage(), true);
        }
    }
}
