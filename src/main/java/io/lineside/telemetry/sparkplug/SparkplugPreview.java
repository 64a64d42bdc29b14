package io.lineside.telemetry.sparkplug;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/**
 * A Sparkplug B payload as text for the inspector: seq, timestamp, then one line per metric (name, alias, type,
 * value, timestamp). Parsed with the same limits as the host ({@link PayloadReader} over Tahu's protobuf classes).
 * Thread-confined (one instance per thread).
 */
public final class SparkplugPreview {

    /** Metrics listed at most; the rest are counted. */
    static final int MAX_METRICS_SHOWN = 200;
    private static final int MAX_VALUE_CHARS = 120;

    private final PayloadReader reader;

    public SparkplugPreview(SparkplugLimits limits) {
        this.reader = new PayloadReader(limits);
    }

    /** The decoded payload, header line first. */
    public Decoded describe(byte[] bytes) throws SparkplugDecodeException {
        Payload payload = reader.read(bytes);
        List<String> lines = new ArrayList<>();
        String seq = payload.hasSeq() ? Long.toString(payload.getSeq()) : "-";
        String time = payload.hasTimestamp() ? Instant.ofEpochMilli(payload.getTimestamp()).toString() : "-";
        lines.add("seq " + seq + ", timestamp " + time + ", " + payload.getMetricsCount() + " metrics");
        List<Metric> metrics = payload.getMetricsList();
        for (int i = 0; i < metrics.size() && i < MAX_METRICS_SHOWN; i++) {
            lines.add(line(metrics.get(i)));
        }
        if (metrics.size() > MAX_METRICS_SHOWN) {
            lines.add("... " + (metrics.size() - MAX_METRICS_SHOWN) + " more metrics");
        }
        return new Decoded(seq, payload.getMetricsCount(), lines);
    }

    /** @param seq the payload's seq, or "-" when it has none */
    public record Decoded(String seq, int metrics, List<String> lines) {
        public Decoded {
            lines = List.copyOf(lines);
        }
    }

    private static String line(Metric m) {
        StringBuilder s = new StringBuilder(m.hasName() ? MetricNames.quote(m.getName()) : "(no name)");
        if (m.hasAlias()) {
            s.append(" [alias ").append(m.getAlias()).append(']');
        }
        s.append(' ').append(typeName(m)).append(" = ").append(value(m));
        if (m.hasTimestamp()) {
            s.append(" @ ").append(Instant.ofEpochMilli(m.getTimestamp()));
        }
        return s.toString();
    }

    private static String typeName(Metric m) {
        if (!m.hasDatatype()) {
            return "(type from birth)";
        }
        DataType type = DataType.forNumber(m.getDatatype());
        return type == null ? "type " + m.getDatatype() : type.name();
    }

    // Sparkplug carries UInt32 (7) and UInt64 (8) in signed protobuf fields; the rest are signed as sent.
    private static String value(Metric m) {
        String v;
        if (m.getIsNull()) {
            v = "null";
        } else if (m.hasIntValue()) {
            v = m.getDatatype() == 7 ? Integer.toUnsignedString(m.getIntValue()) : Integer.toString(m.getIntValue());
        } else if (m.hasLongValue()) {
            v = m.getDatatype() == 8 ? Long.toUnsignedString(m.getLongValue()) : Long.toString(m.getLongValue());
        } else if (m.hasFloatValue()) {
            v = Float.toString(m.getFloatValue());
        } else if (m.hasDoubleValue()) {
            v = Double.toString(m.getDoubleValue());
        } else if (m.hasBooleanValue()) {
            v = Boolean.toString(m.getBooleanValue());
        } else if (m.hasStringValue()) {
            v = "\"" + m.getStringValue() + "\"";
        } else if (m.hasBytesValue()) {
            v = m.getBytesValue().size() + " bytes";
        } else if (m.hasDatasetValue()) {
            v = "DataSet " + m.getDatasetValue().getRowsCount() + " rows";
        } else if (m.hasTemplateValue()) {
            v = "Template " + m.getTemplateValue().getMetricsCount() + " members";
        } else {
            v = "(no value)";
        }
        return v.length() > MAX_VALUE_CHARS ? v.substring(0, MAX_VALUE_CHARS) + "..." : v;
    }
}
