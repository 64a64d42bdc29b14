package io.lineside.tags;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation of a tag.
 *
 * @param value       a {@link Double} or a {@link String}; null when nothing usable arrived (then BAD or STALE)
 * @param sourceTime  when the publisher says the value was sampled
 * @param receiveTime when this HMI received it (the basis for age and staleness)
 * @param quality     how far the value can be trusted
 * @param seq         the publisher's per-stream sequence number, or -1 when it sends none
 */
public record TagValue(Object value, Instant sourceTime, Instant receiveTime, Quality quality, long seq) {

    public TagValue {
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(receiveTime, "receiveTime");
        Objects.requireNonNull(quality, "quality");
        if (value != null && !(value instanceof Double) && !(value instanceof String)) {
            throw new IllegalArgumentException("value must be a Double or a String, was " + value.getClass());
        }
        if (value == null && (quality == Quality.GOOD || quality == Quality.UNCERTAIN)) {
            throw new IllegalArgumentException("a " + quality + " value needs a value");
        }
    }

    /** A good numeric value. */
    public static TagValue good(double value, Instant sourceTime, Instant receiveTime, long seq) {
        return new TagValue(value, sourceTime, receiveTime, Quality.GOOD, seq);
    }

    /** The same value with another quality (used to mark STALE without losing what was last seen). */
    public TagValue withQuality(Quality newQuality) {
        return new TagValue(value, sourceTime, receiveTime, newQuality, seq);
    }

    /** The numeric value, or NaN when the value is text or absent. */
    public double number() {
        return value instanceof Double d ? d : Double.NaN;
    }

    /** The value as display text, or an empty string when absent. */
    public String text() {
        return value == null ? "" : value.toString();
    }
}
