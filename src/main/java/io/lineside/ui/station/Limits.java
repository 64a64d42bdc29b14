package io.lineside.ui.station;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.LimitCondition;
import io.lineside.tags.TagPath;
import java.util.List;

/**
 * A value's configured alarm limits (NaN where none) and the range its bar starts with: from zero (or below the
 * lowest negative limit) to a fifth above the highest limit, or a nice ceiling over the first value when no limit
 * is configured (the bar then grows with the value).
 */
record Limits(double lowLow, double low, double high, double highHigh) {

    static Limits of(TagPath tag, List<AlarmDefinition> definitions) {
        double[] at = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (AlarmDefinition d : definitions) {
            if (d.tag().equals(tag) && d.condition() instanceof LimitCondition c) {
                at[c.level().ordinal()] = c.limit(); // HH, H, L, LL
            }
        }
        return new Limits(at[3], at[2], at[1], at[0]);
    }

    double min() {
        double lowest = Double.isNaN(lowLow) ? low : lowLow;
        return !Double.isNaN(lowest) && lowest < 0 ? niceFloor(lowest * 1.2) : 0;
    }

    double initialMax() {
        double top = Double.isNaN(highHigh) ? high : highHigh;
        return Double.isNaN(top) || top <= 0 ? 10 : niceCeiling(top * 1.2);
    }

    /** The next of 1, 2, 2.5, 5 × 10^n at or above {@code v} (v > 0). */
    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double niceFloor(double v) {
        return -niceCeiling(-v);
    }
}
