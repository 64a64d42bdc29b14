package io.lineside.ui.station;

import io.lineside.history.TextSample;
import io.lineside.tags.Quality;
import io.lineside.tags.StationState;
import io.lineside.tags.TagValue;
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
     * The bands covering {@code [from, to)} from state changes (oldest first): each change holds until the next,
     * the last until {@code to}; before the first sample and where a sample is BAD or STALE without text there is no
     * data. Adjacent bands of the same state are merged.
     */
    public static List<StateBand> of(List<TextSample> changes, Instant from, Instant to) {
        List<StateBand> out = new ArrayList<>();
        Instant start = from;
        StationState current = null;
        for (TextSample s : changes) {
            Instant at = s.time().isBefore(from) ? from : s.time();
            if (!at.isBefore(to)) {
                break;
            }
            add(out, start, at, current);
            start = at;
            current = s.text() == null || s.quality() == Quality.BAD ? null
                    : StationState.of(new TagValue(s.text(), s.time(), s.time(), s.quality(), -1));
        }
        add(out, start, to, current);
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
