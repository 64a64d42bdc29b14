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
 * @param flags       why the quality is what it is, beyond the quality itself: {@link #OUT_OF_RANGE},
 *                    {@link #CLOCK_SKEW}, {@link #LATE} (bits; 0 for none). Not stored in history (decision 0009).
 */
public record TagValue(Object value, Instant sourceTime, Instant receiveTime, Quality quality, long seq, int flags) {

    /** The value lies outside the tag's engineering range (the quality is then at best UNCERTAIN). */
    public static final int OUT_OF_RANGE = 1;
    /** Source and receive time differ by more than the configured limit: the publisher's clock is off. */
    public static final int CLOCK_SKEW = 2;
    /**
     * The message arrived after a later one of its stream (a redelivered backlog, a broker restart): it goes to
     * history, in its place, but not to the live view or the alarms, which have moved on.
     */
    public static final int LATE = 4;

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

    /** Without flags. */
    public TagValue(Object value, Instant sourceTime, Instant receiveTime, Quality quality, long seq) {
        this(value, sourceTime, receiveTime, quality, seq, 0);
    }

    /** A good numeric value. */
    public static TagValue good(double value, Instant sourceTime, Instant receiveTime, long seq) {
        return new TagValue(value, sourceTime, receiveTime, Quality.GOOD, seq);
    }

    /** The same value with another quality (used to mark STALE without losing what was last seen). */
    public TagValue withQuality(Quality newQuality) {
        return new TagValue(value, sourceTime, receiveTime, newQuality, seq, flags);
    }

    /** The same observation with {@code more} flags set. */
    public TagValue withFlags(int more) {
        return new TagValue(value, sourceTime, receiveTime, quality, seq, flags | more);
    }

    /** True when the value lies outside its tag's engineering range. */
    public boolean outOfRange() {
        return (flags & OUT_OF_RANGE) != 0;
    }

    /** True when a later message of the same stream arrived first (see {@link #LATE}). */
    public boolean late() {
        return (flags & LATE) != 0;
    }

    /** True when the publisher's clock disagreed with ours by more than the configured limit. */
    public boolean clockSkew() {
        return (flags & CLOCK_SKEW) != 0;
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
