package io.lineside.telemetry.sparkplug;

/**
 * Caps on what one Sparkplug payload may contain; anything beyond them makes the whole payload BAD.
 *
 * @param maxPayloadBytes checked before parsing (a larger message is never handed to protobuf)
 * @param maxMetrics      metrics in one payload
 * @param maxDataSetRows  rows of one DataSet metric (and columns ≤ 1024)
 * @param maxStringLength characters of a metric name or string value
 * @param maxDepth        protobuf nesting depth (templates, nested groups); protobuf's default is 100
 */
public record SparkplugLimits(int maxPayloadBytes, int maxMetrics, int maxDataSetRows, int maxStringLength,
                              int maxDepth) {

    /** 256 KiB, 10 000 metrics, 10 000 DataSet rows, 4 096-character strings, depth 32. */
    public static final SparkplugLimits DEFAULT = new SparkplugLimits(256 * 1024, 10_000, 10_000, 4_096, 32);

    public SparkplugLimits {
        if (maxPayloadBytes < 1 || maxMetrics < 1 || maxDataSetRows < 0 || maxStringLength < 1 || maxDepth < 2) {
            throw new IllegalArgumentException("Sparkplug limits must be positive (depth at least 2)");
        }
    }
}
