package io.lineside.telemetry.sparkplug;

/** A Sparkplug payload that cannot be used: malformed protobuf, or over a {@link SparkplugLimits} cap. */
public final class SparkplugDecodeException extends Exception {
    public SparkplugDecodeException(String message) {
        super(message);
    }

    public SparkplugDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
