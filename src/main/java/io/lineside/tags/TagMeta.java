package io.lineside.tags;

import java.time.Duration;

/**
 * What the configuration says about a tag: its unit, engineering range and how often it should arrive.
 * Immutable and safe from any thread.
 *
 * @param unit           display unit such as {@code °C} or {@code bar}; empty when unknown
 * @param low            lower end of the engineering range, or {@code -Infinity} when unbounded
 * @param high           upper end of the engineering range, or {@code +Infinity} when unbounded
 * @param expectedPeriod how often the publisher sends it, or null when unknown (the global stale limit applies)
 * @param deadband       history's store-on-change deadband for the tag in its units, or NaN for the station's
 * @param description    what the publisher calls it (a Sparkplug birth's Description property); empty when none
 */
public record TagMeta(String unit, double low, double high, Duration expectedPeriod, double deadband,
                      String description) {

    /** Nothing known: no unit, no range, the global stale limit, the station's deadband. */
    public static final TagMeta NONE = new TagMeta("", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null);

    /** A tag is stale after this many expected periods without an update. */
    static final int STALE_PERIODS = 3;
    /** Never stale sooner than this, however fast the tag is expected: the watchdog ticks once a second. */
    static final Duration MIN_STALE = Duration.ofSeconds(1);

    public TagMeta {
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("range [" + low + ", " + high + "] is not low <= high");
        }
        if (expectedPeriod != null && (expectedPeriod.isNegative() || expectedPeriod.isZero())) {
            throw new IllegalArgumentException("expected period must be positive, was " + expectedPeriod);
        }
        if (deadband < 0 || Double.isInfinite(deadband)) {
            throw new IllegalArgumentException("deadband must be a finite number >= 0 (or NaN for none), was " + deadband);
        }
    }

    /** Without a description. */
    public TagMeta(String unit, double low, double high, Duration expectedPeriod, double deadband) {
        this(unit, low, high, expectedPeriod, deadband, "");
    }

    /** Without a deadband of its own: the station's applies. */
    public TagMeta(String unit, double low, double high, Duration expectedPeriod) {
        this(unit, low, high, expectedPeriod, Double.NaN);
    }

    /** The tag's deadband, or {@code stationDefault} when it has none. */
    public double deadbandOr(double stationDefault) {
        return Double.isNaN(deadband) ? stationDefault : deadband;
    }

    /** True when {@code value} is a number outside [low, high]; text and NaN are never out of range. */
    public boolean outOfRange(double value) {
        return value < low || value > high;
    }

    /** How long without an update before the tag turns STALE: 3 × the expected period (min 1 s), else the default. */
    public Duration staleAfter(Duration globalDefault) {
        if (expectedPeriod == null) {
            return globalDefault;
        }
        Duration after = expectedPeriod.multipliedBy(STALE_PERIODS);
        return after.compareTo(MIN_STALE) < 0 ? MIN_STALE : after;
    }
}
