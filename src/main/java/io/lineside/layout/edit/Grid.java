package io.lineside.layout.edit;

/** Snapping to a square grid of {@code step} plan units; a step of 0 or less does not snap. */
public record Grid(double step) {

    public double snap(double value) {
        return step > 0 ? Math.round(value / step) * step : value;
    }

    /** A size snapped, never below one step (or 1 unit without a grid). */
    public double snapSize(double value) {
        double min = step > 0 ? step : 1;
        return Math.max(min, snap(value));
    }
}
