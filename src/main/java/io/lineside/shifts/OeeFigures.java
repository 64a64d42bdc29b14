package io.lineside.shifts;

import java.time.Duration;

/**
 * The OEE of one station (or line) over one shift, with every input shown so a supervisor can check it. Ratios
 * are 0–1 and NaN where undefined (no planned time, no run time, no parts). See docs/oee.md for the definitions.
 *
 * @param shiftTime    the shift's real length (DST-aware)
 * @param unknown      time with no trustworthy state (gaps, stale or bad data, app and broker both down)
 * @param plannedStops time in stops that do not count against availability (IDLE when configured as planned)
 * @param plannedTime  shift time − unknown − planned stops
 * @param runTime      time RUNNING
 * @param downTime     planned time − run time: FAULT, BLOCKED, STARVED and (unless planned) IDLE
 * @param total        parts counted ({@code cycles} increase)
 * @param scrap        bad parts among them ({@code scrap} increase)
 * @param idealCycle   the station's ideal cycle time, or null when not configured (performance is then NaN)
 */
public record OeeFigures(Duration shiftTime, Duration unknown, Duration plannedStops, Duration plannedTime,
                        Duration runTime, Duration downTime, long total, long scrap, Duration idealCycle,
                        double availability, double performance, double quality, double oee) {

    public long good() {
        return total - scrap;
    }
}
