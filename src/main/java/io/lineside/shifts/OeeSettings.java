package io.lineside.shifts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How OEE is computed for a plant.
 *
 * @param staleAfter   how long a state sample stays true without a repeat; longer silence is UNKNOWN time
 * @param idlePlanned  true when IDLE is a planned stop (not counted against availability); default false: IDLE is a
 *                     changeover, which is downtime
 * @param idealCycles  ideal time per part by station name; a station without one has no performance figure
 * @param flowOrder    station names in flow order; a line's output station is the last of its stations in this list
 */
public record OeeSettings(Duration staleAfter, boolean idlePlanned, Map<String, Duration> idealCycles,
                          List<String> flowOrder) {

    /** Longer than any sane heartbeat, short enough that a dead publisher is not counted as running for long. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(5);

    public OeeSettings {
        idealCycles = Map.copyOf(idealCycles);
        flowOrder = List.copyOf(flowOrder);
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
