package io.lineside.alarms;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.Locale;

/**
 * A discrete state: the text value equals {@code equalsText} (trimmed, case-insensitive), or bit {@code bit} of the
 * numeric value (read as a whole number) is set. Exactly one of the two is given.
 */
public record DiscreteCondition(String equalsText, Integer bit) implements AlarmCondition {

    public DiscreteCondition {
        if ((equalsText == null) == (bit == null)) {
            throw new IllegalArgumentException("give exactly one of equals and bit");
        }
        if (bit != null && (bit < 0 || bit > 52)) {
            throw new IllegalArgumentException("bit must be 0-52 (exact in a double), was " + bit);
        }
    }

    @Override
    public Result evaluate(TagPath tag, TagReadings readings, boolean active, Instant now) {
        return test(AlarmCondition.good(readings.latest(tag)));
    }

    /** The condition on one value; UNKNOWN when absent, not GOOD, or of the wrong type. */
    Result test(TagValue v) {
        if (v == null) {
            return Result.UNKNOWN;
        }
        if (equalsText != null) {
            return v.value() instanceof String s
                    ? Result.of(s.trim().toLowerCase(Locale.ROOT).equals(equalsText.trim().toLowerCase(Locale.ROOT)))
                    : Result.UNKNOWN;
        }
        double n = v.number();
        if (Double.isNaN(n) || n != Math.rint(n)) {
            return Result.UNKNOWN;
        }
        return Result.of((((long) n) >> bit & 1L) == 1L);
    }
}
