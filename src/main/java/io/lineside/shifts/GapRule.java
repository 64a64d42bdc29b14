package io.lineside.shifts;

import java.time.Duration;

/**
 * The one rule for "was the workstation recording?", from the station's configuration. While a recorder runs, a
 * tag's stored samples are never further apart than the history's heartbeat ({@code station.historyMaxIntervalSeconds},
 * a flat value still gets a row that often) plus the tag's stale limit ({@code staleAfterSeconds}, or 3 × the
 * signal's {@code expectedPeriod}): past that the watchdog writes a STALE row. One watchdog tick of slack on top. A
 * longer silence in history can only mean nothing was recording, so it is unknown time — for the state timeline,
 * OEE, downtime and the parts count alike.
 *
 * @param historyInterval the longest time between stored rows of a flat, live tag
 * @param staleAfter      how long a tag may be silent before it is marked STALE (a STALE row)
 */
public record GapRule(Duration historyInterval, Duration staleAfter) {

    /** The watchdog checks once a second. */
    static final Duration WATCHDOG_TICK = Duration.ofSeconds(1);
    /** Station defaults: a row each 60 s, tags stale after 5 s. */
    public static final GapRule DEFAULT = new GapRule(Duration.ofSeconds(60), Duration.ofSeconds(5));

    public GapRule {
        if (!historyInterval.isPositive() || !staleAfter.isPositive()) {
            throw new IllegalArgumentException("need positive durations, got " + historyInterval + ", " + staleAfter);
        }
    }

    /** How long a stored sample holds without the next one. */
    public Duration holdFor() {
        return historyInterval.plus(staleAfter).plus(WATCHDOG_TICK);
    }
}
