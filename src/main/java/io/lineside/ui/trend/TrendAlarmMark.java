package io.lineside.ui.trend;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.Priority;
import io.lineside.tags.TagPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One occurrence of an alarm on a trend's time axis, from the alarm journal: when it was annunciated, when its
 * condition returned, when (and by whom) it was acknowledged, and when it was over (normal again, or hidden). A
 * time is null when it did not happen in the events read: an occurrence begun before the window has no
 * {@code activated}, one still open has no {@code ended}. Immutable; any thread.
 *
 * @param message the alarm's message as journalled (English)
 */
public record TrendAlarmMark(String alarmId, String message, Priority priority, TagPath tag, Instant activated,
                             Instant returned, Instant acked, String ackedBy, Instant ended) {

    /** The first time this occurrence is known at: its activation, or its earliest later event. */
    public Instant start() {
        if (activated != null) {
            return activated;
        }
        Instant t = null;
        for (Instant i : new Instant[] {returned, acked, ended}) {
            if (i != null && (t == null || i.isBefore(t))) {
                t = i;
            }
        }
        return t;
    }

    /** True if {@code t} lies within this occurrence (open ends reach the window's edges). */
    public boolean covers(Instant t, TrendRange range) {
        Instant from = activated == null ? range.from() : activated;
        Instant to = ended == null ? range.to() : ended;
        return !t.isBefore(from) && !t.isAfter(to);
    }

    /**
     * The occurrences in {@code events} (oldest first, as the journal returns them) of alarms on {@code tags}, in
     * order of their first event. Comments, restores and re-alarms of an open occurrence add nothing.
     */
    public static List<TrendAlarmMark> of(Collection<AlarmEvent> events, Set<TagPath> tags) {
        Map<String, Builder> open = new HashMap<>();
        List<Builder> all = new ArrayList<>();
        Set<String> wanted = new java.util.HashSet<>();
        tags.forEach(t -> wanted.add(t.toString()));
        for (AlarmEvent e : events) {
            if (!wanted.contains(e.tag())) {
                continue;
            }
            Builder b = open.get(e.alarmId());
            if (e.trigger() == AlarmTrigger.ACTIVATE && e.to() == AlarmState.UNACK) {
                if (b != null) {
                    b.ended = e.time(); // a new occurrence closes one whose end the events did not show
                }
                b = new Builder(e);
                b.activated = e.time();
                open.put(e.alarmId(), b);
                all.add(b);
                continue;
            }
            boolean hides = e.to() == AlarmState.SHELVED || e.to() == AlarmState.SUPPRESSED
                    || e.to() == AlarmState.OUT_OF_SERVICE;
            boolean relevant = e.trigger() == AlarmTrigger.CLEAR || e.trigger() == AlarmTrigger.ACK
                    || e.to() == AlarmState.NORMAL || hides;
            if (!relevant || e.from() == e.to()) {
                continue;
            }
            if (b == null) {
                if (e.from() == AlarmState.NORMAL || !e.from().annunciated()) {
                    continue; // nothing was shown before this event
                }
                b = new Builder(e); // begun before the events read
                open.put(e.alarmId(), b);
                all.add(b);
            }
            if (e.trigger() == AlarmTrigger.CLEAR && b.returned == null) {
                b.returned = e.time();
            }
            if (e.trigger() == AlarmTrigger.ACK && b.acked == null) {
                b.acked = e.time();
                b.ackedBy = e.user();
            }
            if (e.to() == AlarmState.NORMAL || hides) {
                b.ended = e.time();
                open.remove(e.alarmId());
            }
        }
        return all.stream().map(Builder::build).sorted(Comparator.comparing(TrendAlarmMark::start)).toList();
    }

    private static final class Builder {
        final AlarmEvent first;
        Instant activated;
        Instant returned;
        Instant acked;
        String ackedBy = "";
        Instant ended;

        Builder(AlarmEvent first) {
            this.first = first;
        }

        TrendAlarmMark build() {
            return new TrendAlarmMark(first.alarmId(), first.message(), first.priority(), TagPath.parse(first.tag()),
                    activated, returned, acked, ackedBy, ended);
        }
    }
}
