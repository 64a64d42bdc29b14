package io.lineside.telemetry.sparkplug;

import io.lineside.tags.TagMeta;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertySet;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.PropertyValue;

/**
 * What a birth certificate's metric says about itself in its property set: the engineering unit ({@code EngUnit}),
 * range ({@code EngLow}, {@code EngHigh}) and {@code Description}, the property names Ignition and Tahu's
 * examples use (the Sparkplug 3.0 spec leaves them to convention). Anything absent, of the wrong type, or not
 * sane (a unit over 16 characters, NaN, low above high) is ignored, never fatal.
 */
final class MetricProperties {

    static final int MAX_UNIT = 16;
    static final int MAX_DESCRIPTION = 64;

    private MetricProperties() {
    }

    /** The metric's meta, or null when its properties describe nothing. */
    static TagMeta of(Metric metric) {
        if (!metric.hasProperties()) {
            return null;
        }
        PropertySet set = metric.getProperties();
        String unit = "";
        String description = "";
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        int n = Math.min(set.getKeysCount(), set.getValuesCount());
        for (int i = 0; i < n; i++) {
            PropertyValue v = set.getValues(i);
            switch (set.getKeys(i)) {
                case "EngUnit", "engUnit", "engineeringUnits" -> unit = text(v, MAX_UNIT, unit);
                case "Description", "description" -> description = text(v, MAX_DESCRIPTION, description);
                case "EngLow", "engLow" -> low = number(v, low);
                case "EngHigh", "engHigh" -> high = number(v, high);
                default -> { }
            }
        }
        if (low > high) {
            low = Double.NEGATIVE_INFINITY;
            high = Double.POSITIVE_INFINITY;
        }
        if (unit.isEmpty() && description.isEmpty() && Double.isInfinite(low) && Double.isInfinite(high)) {
            return null;
        }
        return new TagMeta(unit, low, high, null, Double.NaN, description);
    }

    private static String text(PropertyValue v, int max, String otherwise) {
        if (!v.hasStringValue() || v.getIsNull()) {
            return otherwise;
        }
        String s = v.getStringValue().strip();
        return s.length() > max || s.chars().anyMatch(Character::isISOControl) ? otherwise : s;
    }

    private static double number(PropertyValue v, double otherwise) {
        double d = v.hasDoubleValue() ? v.getDoubleValue() : v.hasFloatValue() ? v.getFloatValue()
                : v.hasLongValue() ? v.getLongValue() : v.hasIntValue() ? v.getIntValue() : Double.NaN;
        return Double.isFinite(d) && !v.getIsNull() ? d : otherwise;
    }
}
