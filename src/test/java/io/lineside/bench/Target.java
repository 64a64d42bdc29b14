package io.lineside.bench;


/**
 * A target from the benchmark issue, e.g. "&lt;= 8 ms" or "&gt;= 0.7x".
 *
 * @param atLeast true for a lower bound (throughput), false for an upper bound (latency, size)
 * @param bound   the limit, in the row's unit
 * @param unit    how the bound is printed after the number
 */
public record Target(boolean atLeast, double bound, String unit) {

    public static Target atLeast(double bound, String unit) {
        return new Target(true, bound, unit);
    }

    public static Target atMost(double bound, String unit) {
        return new Target(false, bound, unit);
    }

    public boolean isMetBy(double value) {
        return atLeast ? value >= bound : value <= bound;
    }

    @Override
    public String toString() {
        return (atLeast ? ">= " : "<= ") + Row.format(bound) + (unit.isEmpty() ? "" : " " + unit);
    }
}
