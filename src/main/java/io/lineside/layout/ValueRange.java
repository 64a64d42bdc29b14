package io.lineside.layout;

import java.util.OptionalDouble;

/**
 * The scale of a bar, tank or buffer, with optional limits beyond which the value is abnormal.
 *
 * @param min  the value drawn empty
 * @param max  the value drawn full (greater than min)
 * @param low  below this the value is abnormal, if set
 * @param high above this the value is abnormal, if set
 */
public record ValueRange(double min, double max, OptionalDouble low, OptionalDouble high) {

    public ValueRange {
        if (!(max > min)) {
            throw new IllegalArgumentException("max must be greater than min");
        }
    }

    /** Where {@code value} sits on the scale, clamped to 0..1. */
    public double fraction(double value) {
        return Math.max(0, Math.min(1, (value - min) / (max - min)));
    }

    /** True if {@code value} is beyond a limit. */
    public boolean abnormal(double value) {
        return (low.isPresent() && value < low.getAsDouble()) || (high.isPresent() && value > high.getAsDouble());
    }
}
