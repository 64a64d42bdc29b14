package io.lineside.telemetry.sparkplug;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.DataSet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Template;

/**
 * Turns untrusted bytes into a Sparkplug B payload, or a precise {@link SparkplugDecodeException}.
 *
 * <p>The size cap is checked before protobuf sees a byte; protobuf then parses with a size limit and a recursion
 * limit (protobuf-java ≥ 3.25.5 applies it to unknown groups too, CVE-2024-7254), so a 2 GB length prefix fails as
 * truncated without allocating and a deeply nested group fails at {@link SparkplugLimits#maxDepth()}. Counts
 * (metrics, DataSet rows, template depth) are checked by {@link WireScan} before any message object is built;
 * string lengths on the parsed message. Stateless; safe from any thread.
 */
public final class PayloadReader {

    static final int MAX_DATASET_COLUMNS = 1_024;

    private final SparkplugLimits limits;

    public PayloadReader(SparkplugLimits limits) {
        this.limits = limits;
    }

    public SparkplugLimits limits() {
        return limits;
    }

    /** Parses and checks one payload; never throws anything but {@link SparkplugDecodeException}. */
    public Payload read(byte[] bytes) throws SparkplugDecodeException {
        if (bytes == null) {
            throw new SparkplugDecodeException("no payload");
        }
        if (bytes.length > limits.maxPayloadBytes()) {
            throw new SparkplugDecodeException("payload of " + bytes.length + " bytes is over the limit of "
                    + limits.maxPayloadBytes());
        }
        Payload payload;
        try {
            WireScan.check(bytes, limits);
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setSizeLimit(limits.maxPayloadBytes());
            in.setRecursionLimit(limits.maxDepth());
            payload = Payload.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new SparkplugDecodeException("malformed protobuf: " + e.getMessage(), e);
        } catch (SparkplugDecodeException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            // StackOverflowError cannot happen with the recursion limit; caught so no input can end the decoder.
            throw new SparkplugDecodeException("unreadable protobuf: " + e, e);
        }
        check(payload);
        return payload;
    }

    private void check(Payload payload) throws SparkplugDecodeException {
        int[] budget = {limits.maxMetrics()};
        checkMetrics(payload.getMetricsList(), budget);
        if (payload.getUuid().length() > limits.maxStringLength()) {
            throw new SparkplugDecodeException("payload uuid longer than " + limits.maxStringLength());
        }
    }

    /** Counts template members against the same metric budget, so nesting cannot multiply the work. */
    private void checkMetrics(java.util.List<Metric> metrics, int[] budget) throws SparkplugDecodeException {
        budget[0] -= metrics.size();
        if (budget[0] < 0) {
            throw new SparkplugDecodeException("more than " + limits.maxMetrics() + " metrics in one payload");
        }
        for (Metric metric : metrics) {
            if (metric.getName().length() > limits.maxStringLength()) {
                throw new SparkplugDecodeException("metric name of " + metric.getName().length()
                        + " characters is over the limit of " + limits.maxStringLength());
            }
            if (metric.hasStringValue() && metric.getStringValue().length() > limits.maxStringLength()) {
                throw new SparkplugDecodeException("string value of metric " + MetricNames.quote(metric.getName())
                        + " is over the limit of " + limits.maxStringLength() + " characters");
            }
            if (metric.hasDatasetValue()) {
                checkDataSet(metric.getName(), metric.getDatasetValue());
            }
            if (metric.hasTemplateValue()) {
                Template template = metric.getTemplateValue();
                checkMetrics(template.getMetricsList(), budget);
            }
        }
    }

    private void checkDataSet(String name, DataSet dataSet) throws SparkplugDecodeException {
        if (dataSet.getRowsCount() > limits.maxDataSetRows()) {
            throw new SparkplugDecodeException("DataSet " + MetricNames.quote(name) + " has " + dataSet.getRowsCount()
                    + " rows, over the limit of " + limits.maxDataSetRows());
        }
        if (dataSet.getColumnsCount() > MAX_DATASET_COLUMNS || dataSet.getNumOfColumns() > MAX_DATASET_COLUMNS) {
            throw new SparkplugDecodeException("DataSet " + MetricNames.quote(name) + " has more than "
                    + MAX_DATASET_COLUMNS + " columns");
        }
    }
}
