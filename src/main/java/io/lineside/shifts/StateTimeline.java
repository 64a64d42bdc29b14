package io.lineside.shifts;

import io.lineside.tags.Quality;
import io.lineside.tags.StationState;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a station's {@code state} samples into spans covering a range exactly. A GOOD sample holds until the next
 * sample or for {@code staleAfter}, whichever comes first; after that, and wherever a sample is not GOOD or history
 * records a gap, the state is UNKNOWN: missing data is never counted as running. Pure functions.
 */
public final class StateTimeline {

    private StateTimeline() {
    }

    /**
     * @param before  the last sample before {@code from} (the state the range starts in), or null
     * @param samples the samples in {@code [from, to)} in source-time order
     * @param gaps    stretches known to be missing (lost broker session, sequence jumps)
     * @param reasons the station's {@code reason} samples in the range (and the one before it, if any)
     */
    public static List<StateSpan> build(TagValue before, List<TagValue> samples, Instant from, Instant to,
                                        Duration staleAfter, List<TagGap> gaps, List<TagValue> reasons) {
        List<TagValue> points = new ArrayList<>();
        if (before != null) {
            points.add(before);
        }
        points.addAll(samples);
        List<StateSpan> raw = new ArrayList<>();
        Instant cursor = from;
        for (int i = 0; i < points.size(); i++) {
            TagValue p = points.get(i);
            Instant start = max(p.sourceTime(), from);
            Instant next = i + 1 < points.size() ? points.get(i + 1).sourceTime() : to;
            Instant fresh = min(min(p.sourceTime().plus(staleAfter), next), to);
            add(raw, StationState.UNKNOWN, cursor, start);
            add(raw, p.quality() == Quality.GOOD ? StationState.of(p) : StationState.UNKNOWN, start, fresh);
            cursor = max(cursor, fresh);
        }
        add(raw, StationState.UNKNOWN, cursor, to);
        for (TagGap gap : gaps) {
            raw = overlayUnknown(raw, gap.from(), gap.to());
        }
        return withReasons(merge(raw), reasons);
    }

    private static void add(List<StateSpan> spans, StationState state, Instant from, Instant to) {
        if (from.isBefore(to)) {
            spans.add(new StateSpan(state, from, to, ""));
        }
    }

    private static List<StateSpan> overlayUnknown(List<StateSpan> spans, Instant gapFrom, Instant gapTo) {
        List<StateSpan> out = new ArrayList<>();
        for (StateSpan s : spans) {
            if (!s.from().isBefore(gapTo) || !s.to().isAfter(gapFrom)) {
                out.add(s);
                continue;
            }
            add(out, s.state(), s.from(), min(s.to(), gapFrom));
            add(out, StationState.UNKNOWN, max(s.from(), gapFrom), min(s.to(), gapTo));
            add(out, s.state(), max(s.from(), gapTo), s.to());
        }
        return out;
    }

    private static List<StateSpan> merge(List<StateSpan> spans) {
        List<StateSpan> out = new ArrayList<>();
        for (StateSpan s : spans) {
            StateSpan last = out.isEmpty() ? null : out.getLast();
            if (last != null && last.state() == s.state() && last.to().equals(s.from())) {
                out.set(out.size() - 1, new StateSpan(s.state(), last.from(), s.to(), ""));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** A stop's reason is the last reason sent between a second before the stop began and its end. */
    private static List<StateSpan> withReasons(List<StateSpan> spans, List<TagValue> reasons) {
        List<StateSpan> out = new ArrayList<>(spans.size());
        for (StateSpan s : spans) {
            String reason = "";
            if (s.state() == StationState.FAULT || s.state() == StationState.IDLE) {
                Instant earliest = s.from().minusSeconds(1);
                for (TagValue r : reasons) {
                    if (r.quality() == Quality.GOOD && !r.sourceTime().isBefore(earliest) && r.sourceTime().isBefore(s.to())) {
                        reason = r.text().trim();
                    }
                }
            }
            out.add(new StateSpan(s.state(), s.from(), s.to(), reason));
        }
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
