package io.lineside.ui.station;

import io.lineside.shifts.StateSpan;
import io.lineside.tags.StationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One stretch of a station's state timeline.
 *
 * @param state the state held, or null where no data arrived (drawn hatched)
 */
public record StateBand(Instant from, Instant to, StationState state) {

    /**
     * The bands covering {@code [from, to)} from a timeline of spans (oldest first), clipped to the range; where the
     * spans say UNKNOWN or do not reach there is no data. Adjacent bands of the same state are merged.
     */
    public static List<StateBand> of(List<StateSpan> spans, Instant from, Instant to) {
        List<StateBand> out = new ArrayList<>();
        Instant cursor = from;
        for (StateSpan s : spans) {
            Instant start = s.from().isBefore(cursor) ? cursor : s.from();
            Instant end = s.to().isAfter(to) ? to : s.to();
            if (!start.isBefore(end)) {
                continue;
            }
            add(out, cursor, start, null);
            add(out, start, end, s.state() == StationState.UNKNOWN ? null : s.state());
            cursor = end;
        }
        add(out, cursor, to, null);
        return out;
    }

    private static void add(List<StateBand> out, Instant from, Instant to, StationState state) {
        if (!from.isBefore(to)) {
            return;
        }
        if (!out.isEmpty() && out.getLast().state() == state && out.getLast().to().equals(from)) {
            out.set(out.size() - 1, new StateBand(out.getLast().from(), to, state));
        } else {
            out.add(new StateBand(from, to, state));
        }
    }
}
