package io.lineside.telemetry.inspect;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.DecodeException;
import io.lineside.telemetry.JsonPayloadDecoder;
import io.lineside.telemetry.TopicMapper;
import io.lineside.telemetry.sparkplug.MessageType;
import io.lineside.telemetry.sparkplug.SparkplugDecodeException;
import io.lineside.telemetry.sparkplug.SparkplugLimits;
import io.lineside.telemetry.sparkplug.SparkplugPreview;
import io.lineside.telemetry.sparkplug.SparkplugTopic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What the ingest makes of one message, as text: the {@link TagUpdate} of a JSON topic (through the same
 * {@link TopicMapper} and {@link JsonPayloadDecoder} as the pipeline), the decoded Sparkplug B payload, a STATE's
 * JSON, or the reason it is refused. Thread-confined (the inspector's thread).
 */
final class PayloadPreview {

    /** The decoded form of one message. */
    record Preview(String summary, String detail, boolean error) {
    }

    private final TopicMapper mapper;
    private final JsonPayloadDecoder json = new JsonPayloadDecoder();
    private final SparkplugPreview sparkplug = new SparkplugPreview(SparkplugLimits.DEFAULT);

    PayloadPreview(TopicMapper mapper) {
        this.mapper = mapper;
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
        TagPath path = mapper.map(topic);
        if (path == null) {
            return new Preview("unknown topic", "Not a tag topic: expected " + mapper.subscription()
                    + " with site/area/line/station/signal.", true);
        }
        try {
            TagValue v = json.decode(bytes, received);
            String value = v.value() + " (" + v.quality() + (v.seq() >= 0 ? ", seq " + v.seq() : "") + ")";
            // The table shows the topic beside the summary; the detail names the tag the topic maps to.
            return new Preview(value, "Tag update:\n" + path + " = " + value + "\nsource time " + v.sourceTime(),
                    false);
        } catch (DecodeException e) {
            return new Preview("decode error: " + e.getMessage(), "Decode error (the tag is marked BAD):\n"
                    + e.getMessage(), true);
        }
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
