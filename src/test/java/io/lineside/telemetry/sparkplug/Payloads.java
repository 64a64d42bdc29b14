package io.lineside.telemetry.sparkplug;

import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/** Builds Sparkplug B payloads with protobuf's own builders, as an edge node would send them. */
final class Payloads {

    static final long T0 = 1_700_000_000_000L;

    private Payloads() {
    }

    static Payload.Builder payload(long seq) {
        return Payload.newBuilder().setTimestamp(T0).setSeq(seq);
    }

    static Metric.Builder bdSeq(long value) {
        return Metric.newBuilder().setName("bdSeq").setDatatype(DataType.Int64.getNumber()).setLongValue(value);
    }

    static Metric.Builder doubleMetric(String name, long alias, double value) {
        return Metric.newBuilder().setName(name).setAlias(alias).setDatatype(DataType.Double.getNumber())
                .setDoubleValue(value);
    }

    static Metric.Builder stringMetric(String name, long alias, String value) {
        return Metric.newBuilder().setName(name).setAlias(alias).setDatatype(DataType.String.getNumber())
                .setStringValue(value);
    }

    /** A data-message metric: by alias only, no name or type, as the spec recommends after a birth. */
    static Metric.Builder byAlias(long alias, double value) {
        return Metric.newBuilder().setAlias(alias).setDoubleValue(value);
    }

    static byte[] nbirth(long bdSeq, Metric.Builder... metrics) {
        Payload.Builder p = payload(0).addMetrics(bdSeq(bdSeq));
        for (Metric.Builder m : metrics) {
            p.addMetrics(m);
        }
        return p.build().toByteArray();
    }

    static byte[] message(long seq, Metric.Builder... metrics) {
        Payload.Builder p = payload(seq);
        for (Metric.Builder m : metrics) {
            p.addMetrics(m);
        }
        return p.build().toByteArray();
    }

    static byte[] ndeath(long bdSeq) {
        return Payload.newBuilder().setTimestamp(T0).addMetrics(bdSeq(bdSeq)).build().toByteArray();
    }
}
