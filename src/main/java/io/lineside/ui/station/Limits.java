package io.lineside.ui.station;

import io.lineside.stations.SignalDescription;
import io.lineside.stations.SignalLimits;

/**
 * A value's alarm limits (NaN where none, from the station model: one source with every other view) and the range
 * its bar starts with: the engineering range when the signal has one (fixed); otherwise from zero (or below the
 * lowest negative limit) to a fifth above the highest limit, growing with the value.
 */
record Limits(double lowLow, double low, double high, double highHigh, double rangeLow, double rangeHigh) {

    static Limits of(SignalDescription signal) {
        SignalLimits l = signal.limits();
        return signal.hasRange() ? new Limits(l.lowLow(), l.low(), l.high(), l.highHigh(), signal.low(), signal.high())
                : new Limits(l.lowLow(), l.low(), l.high(), l.highHigh(), Double.NaN, Double.NaN);
    }

    /** True when the scale is the signal's engineering range, which the value does not stretch. */
    boolean fixed() {
        return !Double.isNaN(rangeLow);
    }

    double min() {
        if (fixed()) {
            return rangeLow;
        }
        double lowest = Double.isNaN(lowLow) ? low : lowLow;
        return !Double.isNaN(lowest) && lowest < 0 ? niceFloor(lowest * 1.2) : 0;
    }

    double initialMax() {
        if (fixed()) {
            return rangeHigh;
        }
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
