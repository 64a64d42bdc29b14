package io.lineside.shifts;

import java.time.Duration;
import java.util.List;

/**
 * The OEE of one station (or line) over one shift, with every input shown so a supervisor can check it. Ratios
 * are 0–1 and NaN where undefined (no planned time, no run time, no parts). See docs/oee.md for the definitions.
 *
 * @param shiftTime    the shift's real length (DST-aware)
 * @param unknown      time the workstation was not recording, or with no trustworthy state (gaps, stale or bad
 *                     data, before the first and after the last recording)
 * @param plannedStops time in stops that do not count against availability (IDLE when configured as planned)
 * @param plannedTime  shift time − unknown − planned stops
 * @param runTime      time RUNNING
 * @param downTime     planned time − run time: FAULT, BLOCKED, STARVED and (unless planned) IDLE
 * @param total        parts counted while recording ({@code cycles} increase)
 * @param scrap        bad parts among them ({@code scrap} increase)
 * @param idealCycle   the station's ideal cycle time, or null when not configured (performance is then NaN)
 * @param uncounted    parts the counter rose by across unknown time: made while nothing recorded, so in neither
 *                     {@code total} nor performance (they would pair with run time nobody saw)
 * @param flags        why these figures are not valid; empty when they are
 */
public record OeeFigures(Duration shiftTime, Duration unknown, Duration plannedStops, Duration plannedTime,
                        Duration runTime, Duration downTime, long total, long scrap, Duration idealCycle,
                        double availability, double performance, double quality, double oee, long uncounted,
                        List<Flag> flags) {

    /** Why a figure must not be read as valid. */
    public enum Flag {
        /** More of the shift is unknown than the configured share. */
        UNKNOWN_SHARE,
        /** Availability, performance, quality or OEE is over 100 %: an input (ideal cycle, counter) is wrong. */
        OVER_100
    }

    public OeeFigures {
        flags = List.copyOf(flags);
    }

    public long good() {
        return total - scrap;
    }

    /** True when nothing is flagged: the figures may be signed. */
    public boolean valid() {
        return flags.isEmpty();
    }

    /** Unknown time as a share of the shift, 0–1 (1 for an empty shift). */
    public double unknownShare() {
        return shiftTime.isZero() ? 1 : unknown.toMillis() / (double) shiftTime.toMillis();
    }
}
