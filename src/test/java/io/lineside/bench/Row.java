package io.lineside.bench;

import java.util.Locale;

/**
 * One line of the results table: what was measured, against which target, with what verdict.
 * A row without a value says why (not built yet, or the scenario failed); it never carries a made-up figure.
 *
 * @param scenario the scenario's short name ("1 ingest")
 * @param metric   what the number is
 * @param kind     how the smoke test judges the value (a count of lost messages must be 0, the rest positive)
 * @param value    the measurement, NaN when there is none
 * @param unit     printed after the value
 * @param target   the issue's target, or null for a row that only informs
 * @param note     how it was measured, or why there is no value
 */
public record Row(String scenario, String metric, Kind kind, double value, String unit, Target target, String note) {

    /** How a value is checked. */
    public enum Kind { MEASURE, LOSS, NOT_BUILT, SKIPPED, FAILED }

    public static Row measured(String scenario, String metric, double value, String unit, Target target, String note) {
        return new Row(scenario, metric, Kind.MEASURE, value, unit, target, note);
    }

    /** Messages or samples that went missing; a lossless path has 0. */
    public static Row loss(String scenario, String metric, long lost, String note) {
        return new Row(scenario, metric, Kind.LOSS, lost, "", Target.atMost(0, ""), note);
    }

    public static Row notBuilt(String scenario, String metric, Target target, String issue) {
        return new Row(scenario, metric, Kind.NOT_BUILT, Double.NaN, "", target, "not built yet (" + issue + ")");
    }

    /** A measurement this run could not make for a reason outside the code (a missing image or tool); says which. */
    public static Row skipped(String scenario, String metric, Target target, String why) {
        return new Row(scenario, metric, Kind.SKIPPED, Double.NaN, "", target, "not measured: " + why);
    }

    public static Row failed(String scenario, String metric, Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new Row(scenario, metric, Kind.FAILED, Double.NaN, "", null, "FAILED: " + message);
    }

    /** The measured cell: a number with its unit, or why there is none. */
    public String measuredText() {
        return switch (kind) {
            case NOT_BUILT -> "not built yet";
            case SKIPPED -> "not measured";
            case FAILED -> "failed";
            default -> format(value) + (unit.isEmpty() ? "" : " " + unit);
        };
    }

    public String verdict() {
        return switch (kind) {
            case NOT_BUILT, SKIPPED -> "-";
            case FAILED -> "ERROR";
            default -> target == null ? "info" : target.isMetBy(value) ? "PASS" : "MISS";
        };
    }

    /** Three significant digits for small numbers, thousands grouped for large ones. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
