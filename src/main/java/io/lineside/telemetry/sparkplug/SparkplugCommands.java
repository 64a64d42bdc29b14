package io.lineside.telemetry.sparkplug;

import io.lineside.tags.TagPath;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;

/**
 * Operator writes as Sparkplug B commands: a DCMD (device metric) or NCMD (node metric) carrying one metric, by the
 * name and data type its current birth declared ({@link BirthRegistry}), and the node's {@code Node Control/Rebirth}.
 * Safe from any thread.
 */
public final class SparkplugCommands {

    /**
     * One encoded command.
     *
     * @param datatype the birth's data type name ({@code Double}, {@code Int32}, ...)
     */
    public record Encoded(String topic, byte[] payload, String metric, String datatype) {
    }

    private final BirthRegistry births;

    public SparkplugCommands(BirthRegistry births) {
        this.births = births;
    }

    /**
     * The command writing {@code value} (a Double or a word) to the metric that maps to {@code path}; empty when no
     * current birth declares one, or its data type cannot carry the value (a fraction for an integer, a word for a
     * number, DataSet/Template/Bytes...).
     */
    public Optional<Encoded> encode(TagPath path, Object value, Instant now) {
        for (BirthRegistry.BornMetric m : births.metrics()) {
            if (path.equals(m.path())) {
                return metric(m.name(), m.datatype(), value, now).map(metric -> new Encoded(topic(m),
                        Payload.newBuilder().setTimestamp(now.toEpochMilli()).addMetrics(metric).build().toByteArray(),
                        m.name(), m.datatype()));
            }
        }
        return Optional.empty();
    }

    /** The NCMD asking {@code group/edge} to publish its births again. */
    public static Encoded rebirth(String group, String edge, Instant now) {
        return new Encoded(SparkplugTopic.NAMESPACE + "/" + group + "/NCMD/" + edge, RebirthCommand.payload(now),
                RebirthCommand.METRIC, "Boolean");
    }

    private static String topic(BirthRegistry.BornMetric m) {
        return SparkplugTopic.NAMESPACE + "/" + m.group() + (m.device() == null ? "/NCMD/" + m.edge()
                : "/DCMD/" + m.edge() + "/" + m.device());
    }

    static Optional<Payload.Metric> metric(String name, String datatype, Object value, Instant now) {
        Payload.Metric.Builder b = Payload.Metric.newBuilder().setName(name).setTimestamp(now.toEpochMilli());
        double d = value instanceof Double v ? v : Double.NaN;
        String text = String.valueOf(value);
        boolean whole = !Double.isNaN(d) && d == Math.rint(d);
        switch (datatype) {
            case "Int8", "Int16", "Int32", "UInt8", "UInt16" -> {
                if (!whole || Math.abs(d) > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                b.setDatatype(DataType.valueOf(datatype).getNumber()).setIntValue((int) d);
            }
            case "Int64", "UInt32", "UInt64" -> {
                if (!whole) {
                    return Optional.empty();
                }
                b.setDatatype(DataType.valueOf(datatype).getNumber()).setLongValue((long) d);
            }
            case "Float" -> {
                if (Double.isNaN(d)) {
                    return Optional.empty();
                }
                b.setDatatype(DataType.Float.getNumber()).setFloatValue((float) d);
            }
            case "Double" -> {
                if (Double.isNaN(d)) {
                    return Optional.empty();
                }
                b.setDatatype(DataType.Double.getNumber()).setDoubleValue(d);
            }
            case "Boolean" -> {
                Boolean bool = "true".equals(text) || "start".equals(text) || d == 1 ? Boolean.TRUE
                        : "false".equals(text) || "stop".equals(text) || d == 0 ? Boolean.FALSE : null;
                if (bool == null) {
                    return Optional.empty();
                }
                b.setDatatype(DataType.Boolean.getNumber()).setBooleanValue(bool);
            }
            case "String", "Text" -> b.setDatatype(DataType.valueOf(datatype).getNumber()).setStringValue(
                    value instanceof Double ? Double.toString(d) : text);
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(b.build());
    }
}
