package io.lineside.shifts;

import io.lineside.tags.StationState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stop of a station: a FAULT (reason from its {@code reason} signal, else "unspecified": unclassified) or an
 * IDLE (changeover). BLOCKED and STARVED are not listed: they are the echo of another station's stop. A reason an
 * operator gave ({@link #classified}) outranks the signal's.
 *
 * @param note         the operator's note with the reason; empty when none
 * @param classifiedBy who gave the reason; empty when it is the machine's (or none)
 */
public record Downtime(String station, StationState state, Instant from, Instant to, String reason, String note,
                       String classifiedBy) {

    /** The reason a stop without one is filed under: shown as "Unclassified", its own Pareto bar. */
    public static final String UNSPECIFIED = "unspecified";

    /** A stop whose reason is the machine's (or none). */
    public Downtime(String station, StationState state, Instant from, Instant to, String reason) {
        this(station, state, from, to, reason, "", "");
    }

    /** This stop with the reason an operator gave it. */
    public Downtime classified(String reason, String note, String by) {
        return new Downtime(station, state, from, to, reason, note == null ? "" : note, by);
    }

    /** True if nobody (neither machine nor operator) gave a reason. */
    public boolean unclassified() {
        return UNSPECIFIED.equals(reason);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** One bar of a Pareto: a reason, its total stop time and how many stops. */
    public record ParetoBar(String reason, Duration total, int stops, double cumulativePercent) {
    }

    /** The stops in {@code timeline} of {@code station}. */
    public static List<Downtime> of(String station, List<StateSpan> timeline) {
        List<Downtime> out = new ArrayList<>();
        for (StateSpan s : timeline) {
            if (s.state() == StationState.FAULT || s.state() == StationState.IDLE) {
                String reason = !s.reason().isEmpty() ? s.reason()
                        : s.state() == StationState.IDLE ? "changeover" : UNSPECIFIED;
                out.add(new Downtime(station, s.state(), s.from(), s.to(), reason));
            }
        }
        return out;
    }

    /** Stop time by reason, largest first (ties by name), with the cumulative share a Pareto line draws. */
    public static List<ParetoBar> pareto(List<Downtime> stops) {
        Map<String, Duration> total = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (Downtime d : stops) {
            total.merge(d.reason(), d.length(), Duration::plus);
            count.merge(d.reason(), 1, Integer::sum);
        }
        List<String> reasons = new ArrayList<>(total.keySet());
        reasons.sort(Comparator.comparing((String r) -> total.get(r)).reversed().thenComparing(r -> r));
        long all = total.values().stream().mapToLong(Duration::toMillis).sum();
        List<ParetoBar> bars = new ArrayList<>();
        long running = 0;
        for (String r : reasons) {
            running += total.get(r).toMillis();
            bars.add(new ParetoBar(r, total.get(r), count.get(r), all == 0 ? 0 : 100.0 * running / all));
        }
        return bars;
    }
}
