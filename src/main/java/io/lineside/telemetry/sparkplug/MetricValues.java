package io.lineside.telemetry.sparkplug;

import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;

/**
 * Converts a Sparkplug metric's value to what a tag holds (a {@link Double} or a {@link String}), by the data type
 * declared in its birth. Nothing is coerced: a value field that does not match the type, NaN or ±Infinity is a
 * {@link Result#bad bad} value. Types with no tag representation (DataSet, Template, Bytes, File, arrays) are
 * {@link Result#unsupported}. Stateless.
 */
final class MetricValues {

    // Sparkplug B data type codes (SparkplugBProto.DataType).
    static final int INT8 = 1, INT16 = 2, INT32 = 3, INT64 = 4, UINT8 = 5, UINT16 = 6, UINT32 = 7, UINT64 = 8;
    static final int FLOAT = 9, DOUBLE = 10, BOOLEAN = 11, STRING = 12, DATETIME = 13, TEXT = 14, UUID = 15;

    /** The outcome for one metric: a value, or why there is none. */
    record Result(Object value, String problem, boolean unsupported) {
        static Result of(Object value) {
            return new Result(value, null, false);
        }

        static Result bad(String problem) {
            return new Result(null, problem, false);
        }

        static Result skip() {
            return new Result(null, null, true);
        }

        boolean isBad() {
            return problem != null;
        }
    }

    private MetricValues() {
    }

    static Result convert(Metric metric, int datatype) {
        if (metric.hasIsNull() && metric.getIsNull()) {
            return Result.bad("null value");
        }
        return switch (datatype) {
            case INT8, INT16, INT32, UINT8, UINT16, UINT32, INT64, UINT64, DATETIME -> integer(metric, datatype);
            case FLOAT -> metric.hasFloatValue() ? finite(metric.getFloatValue()) : mismatch(metric, "Float");
            case DOUBLE -> metric.hasDoubleValue() ? finite(metric.getDoubleValue()) : mismatch(metric, "Double");
            case BOOLEAN -> metric.hasBooleanValue() ? Result.of(metric.getBooleanValue() ? 1.0 : 0.0)
                    : mismatch(metric, "Boolean");
            case STRING, TEXT, UUID -> metric.hasStringValue() ? Result.of(metric.getStringValue())
                    : mismatch(metric, "String");
            default -> Result.skip();
        };
    }

    /** Int8..Int32 and UInt8/UInt16 travel in int_value, the 64-bit ones (and UInt32 from Tahu) in long_value. */
    private static Result integer(Metric metric, int datatype) {
        long raw;
        if (metric.hasIntValue()) {
            raw = metric.getIntValue() & 0xFFFF_FFFFL;
        } else if (metric.hasLongValue()) {
            raw = metric.getLongValue();
        } else {
            return mismatch(metric, "integer");
        }
        double value = switch (datatype) {
            case INT8 -> (byte) raw;
            case INT16 -> (short) raw;
            case INT32 -> (int) raw;
            case UINT8 -> raw & 0xFF;
            case UINT16 -> raw & 0xFFFF;
            case UINT32 -> raw & 0xFFFF_FFFFL;
            case UINT64 -> Double.parseDouble(Long.toUnsignedString(raw));
            default -> raw; // Int64, DateTime (epoch ms)
        };
        return Result.of(value);
    }

    private static Result finite(double value) {
        return Double.isFinite(value) ? Result.of(value) : Result.bad("not a finite number: " + value);
    }

    private static Result mismatch(Metric metric, String expected) {
        return Result.bad("expected a " + expected + " value, got " + metric.getValueCase());
    }
}
