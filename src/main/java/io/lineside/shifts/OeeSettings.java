package io.lineside.shifts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How OEE is computed for a plant.
 *
 * @param staleAfter       the one gap rule ({@link GapRule}): how long a stored sample stays true without the next
 *                         one; longer silence is time the workstation was not recording, UNKNOWN. The same rule
 *                         serves the state timeline, OEE, downtime and the parts count. Null only as read
 *                         from a config without {@code oee.staleAfterSeconds}, until the rule is derived
 * @param idlePlanned      true when IDLE is a planned stop (not counted against availability); default false: IDLE
 *                         is a changeover, which is downtime
 * @param idealCycles      ideal time per part by station name; a station without one has no performance figure
 * @param flowOrder        station names in flow order; a line's output station is the last of its stations in it
 * @param maxUnknownShare  above this share of unknown time a station's figures are flagged as not valid (0–1)
 */
public record OeeSettings(Duration staleAfter, boolean idlePlanned, Map<String, Duration> idealCycles,
                          List<String> flowOrder, double maxUnknownShare) {

    /** The gap rule with the station defaults (history row each 60 s, tags stale after 5 s): 66 s. */
    public static final Duration DEFAULT_STALE_AFTER = GapRule.DEFAULT.holdFor();
    /** More than a fifth of the shift unrecorded and the figures describe a different shift than the one worked. */
    public static final double DEFAULT_MAX_UNKNOWN_SHARE = 0.20;

    public OeeSettings {
        idealCycles = Map.copyOf(idealCycles);
        flowOrder = List.copyOf(flowOrder);
        if (!(maxUnknownShare >= 0 && maxUnknownShare <= 1)) {
            throw new IllegalArgumentException("maxUnknownShare must be within 0..1, was " + maxUnknownShare);
        }
    }

    /** With the default unknown-share limit. */
    public OeeSettings(Duration staleAfter, boolean idlePlanned, Map<String, Duration> idealCycles,
                       List<String> flowOrder) {
        this(staleAfter, idlePlanned, idealCycles, flowOrder, DEFAULT_MAX_UNKNOWN_SHARE);
    }

    /** The same settings with another gap rule. */
    public OeeSettings withStaleAfter(Duration hold) {
        return new OeeSettings(hold, idlePlanned, idealCycles, flowOrder, maxUnknownShare);
    }

    /** The ideal cycle of {@code station}, or null. */
    public Duration idealCycle(String station) {
        return idealCycles.get(station);
    }

    /**
     * A line's target output in parts per hour: its slowest ideal cycle (the bottleneck sets the pace of a flow
     * line), the same ideal that OEE's performance is measured against; NaN when no ideal cycle is configured.
     */
    public double targetPerHour() {
        return idealCycles.values().stream().mapToDouble(d -> d.toNanos() / 1e9).max()
                .stream().map(slowest -> 3_600 / slowest).findFirst().orElse(Double.NaN);
    }
}
