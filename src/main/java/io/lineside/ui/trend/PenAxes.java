package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The y-axes of a trend: one per pen while there are at most {@code maxOwn} pens, otherwise one per unit (pens of
 * the same unit share a scale, so 50 pens still fit). Each axis spans the GOOD values of its pens with a little
 * headroom, rounded to tick steps. Pure; any thread.
 */
public final class PenAxes {

    /**
     * One y-axis.
     *
     * @param unit  the engineering unit of its pens
     * @param pens  indexes into {@link TrendData#pens()}
     * @param lo    value at the bottom of the plot
     * @param hi    value at the top of the plot
     * @param step  distance between labelled ticks
     */
    public record Axis(String unit, List<Integer> pens, double lo, double hi, double step) {

        /** Where {@code value} lies between bottom (0) and top (1). */
        public double fraction(double value) {
            return (value - lo) / (hi - lo);
        }
    }

    private PenAxes() {
    }

    public static List<Axis> of(TrendData data, int maxOwn, int ticks) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < data.pens().size(); i++) {
            String key = data.pens().size() <= maxOwn ? "#" + i : data.pens().get(i).unit();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<Axis> axes = new ArrayList<>();
        for (List<Integer> pens : groups.values()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int pen : pens) {
                for (TrendBucket b : data.buckets().get(pen)) {
                    if (b.hasGoodValues()) {
                        lo = Math.min(lo, b.min());
                        hi = Math.max(hi, b.max());
                    }
                }
            }
            axes.add(scaled(data.pens().get(pens.getFirst()).unit(), pens, lo, hi, ticks));
        }
        return axes;
    }

    /** An axis from {@code lo} to {@code hi} widened to whole tick steps (about {@code ticks} of them). */
    static Axis scaled(String unit, List<Integer> pens, double lo, double hi, int ticks) {
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-9 * Math.max(1, Math.abs(hi))) { // a flat line sits mid-plot, not on the frame
            double pad = Math.max(1, Math.abs(hi) * 0.05);
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / Math.max(1, ticks));
        double bottom = Math.floor(lo / step) * step;
        double top = Math.ceil(hi / step) * step;
        if (top - hi < step * 0.05) { // keep the peak off the top edge
            top += step;
        }
        return new Axis(unit, List.copyOf(pens), bottom, top, step);
    }

    /** The 1-2-5 step at or above {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw * (1 - 1e-9)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
