package io.lineside.telemetry.sparkplug;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * A pass over the raw protobuf wire format that counts metrics (template members included) and DataSet rows and
 * bounds template nesting, without building a single message object: a payload over a cap is refused in
 * microseconds, before protobuf allocates anything for it. Field numbers are those of {@code sparkplug_b.proto}.
 */
final class WireScan {

    private static final int PAYLOAD_METRICS = 2;
    private static final int METRIC_DATASET = 17;
    private static final int METRIC_TEMPLATE = 18;
    private static final int DATASET_ROWS = 4;
    private static final int TEMPLATE_METRICS = 2;

    private final SparkplugLimits limits;
    private int metrics;

    private WireScan(SparkplugLimits limits) {
        this.limits = limits;
    }

    /** Throws when a count cap is exceeded; malformed input fails here as it would in the real parse. */
    static void check(byte[] bytes, SparkplugLimits limits) throws SparkplugDecodeException, IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.setSizeLimit(limits.maxPayloadBytes());
        in.setRecursionLimit(limits.maxDepth());
        new WireScan(limits).metricsOf(in, PAYLOAD_METRICS, 0);
    }

    /** Reads a message whose field {@code metricsField} holds metrics. */
    private void metricsOf(CodedInputStream in, int metricsField, int depth) throws SparkplugDecodeException, IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (isMessage(tag, metricsField)) {
                if (++metrics > limits.maxMetrics()) {
                    throw new SparkplugDecodeException("more than " + limits.maxMetrics() + " metrics in one payload");
                }
                nested(in, () -> metric(in, depth));
            } else {
                in.skipField(tag);
            }
        }
    }

    private void metric(CodedInputStream in, int depth) throws SparkplugDecodeException, IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (isMessage(tag, METRIC_DATASET)) {
                nested(in, () -> dataSet(in));
            } else if (isMessage(tag, METRIC_TEMPLATE)) {
                if (depth + 1 >= limits.maxDepth()) {
                    throw new SparkplugDecodeException("templates nested deeper than " + limits.maxDepth());
                }
                nested(in, () -> metricsOf(in, TEMPLATE_METRICS, depth + 1));
            } else {
                in.skipField(tag);
            }
        }
    }

    private void dataSet(CodedInputStream in) throws SparkplugDecodeException, IOException {
        int rows = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (isMessage(tag, DATASET_ROWS) && ++rows > limits.maxDataSetRows()) {
                throw new SparkplugDecodeException("DataSet has more than " + limits.maxDataSetRows() + " rows");
            }
            in.skipField(tag);
        }
    }

    private interface Body {
        void read() throws SparkplugDecodeException, IOException;
    }

    private static void nested(CodedInputStream in, Body body) throws SparkplugDecodeException, IOException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("negative length prefix");
        }
        int old = in.pushLimit(length);
        body.read();
        in.popLimit(old);
    }

    private static boolean isMessage(int tag, int field) {
        return WireFormat.getTagFieldNumber(tag) == field
                && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }
}
