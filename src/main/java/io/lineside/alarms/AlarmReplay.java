package io.lineside.alarms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each alarm's state at any instant of a replay window, rebuilt from the journal exactly as a start-up restore
 * rebuilds it ({@link JournalRestore}): the newest row per alarm and trigger up to that instant. The rows are held
 * in memory; an instant costs one pass over the window's rows (a shift has hundreds). Immutable; safe from any
 * thread.
 */
public final class AlarmReplay {

    private final List<AlarmEvent> before;
    private final List<AlarmEvent> events;
    private final Function<String, AlarmDefinition> definitions;

    /**
     * @param before      per alarm and trigger, its newest row before the window (oldest first)
     * @param events      the window's rows, oldest first
     * @param definitions the configured alarm by id, or null for one no longer configured
     */
    public AlarmReplay(List<AlarmEvent> before, List<AlarmEvent> events, Function<String, AlarmDefinition> definitions) {
        this.before = List.copyOf(before);
        this.events = events.stream().sorted(Comparator.comparing(AlarmEvent::time)).toList();
        this.definitions = definitions;
    }

    /** The window's journal rows, oldest first (the timeline's alarm marks). */
    public List<AlarmEvent> events() {
        return events;
    }

    /** The alarms not NORMAL at {@code at}, in the banner's order (needing acknowledgement, priority, newest). */
    public List<ReplayedAlarm> at(Instant at) {
        Map<String, AlarmEvent> latest = new LinkedHashMap<>();
        for (AlarmEvent e : before) {
            latest.put(e.alarmId() + '\u0000' + e.trigger(), e);
        }
        for (AlarmEvent e : events) {
            if (e.time().isAfter(at)) {
                break;
            }
            latest.put(e.alarmId() + '\u0000' + e.trigger(), e);
        }
        List<ReplayedAlarm> out = new ArrayList<>();
        Map<String, AlarmEvent> acks = new HashMap<>();
        for (AlarmEvent e : latest.values()) {
            if (e.trigger() == AlarmTrigger.ACK) {
                acks.put(e.alarmId(), e);
            }
        }
        JournalRestore.plan(latest.values()).forEach((id, r) -> {
            AlarmEvent last = r.last();
            AlarmEvent ack = acks.get(id);
            boolean acked = last.to() == AlarmState.ACKED;
            boolean shelved = last.to() == AlarmState.SHELVED && r.shelve() != null;
            out.add(new ReplayedAlarm(id, last.to(), last.priority(), last.station(), last.tag(), last.value(),
                    last.message(), r.lastAnnunciation(), acked ? (ack == null ? last.user() : ack.user()) : null,
                    r.ackedAt(), shelved ? r.shelve().user() : null,
                    shelved ? JournalRestore.shelveReason(r.shelve().note()) : null,
                    last.to() == AlarmState.SHELVED ? r.shelvedUntil() : null, definitions.apply(id)));
        });
        out.sort(Comparator.comparing((ReplayedAlarm a) -> !a.state().needsAck())
                .thenComparing(ReplayedAlarm::priority)
                .thenComparing(ReplayedAlarm::since, Comparator.reverseOrder())
                .thenComparing(ReplayedAlarm::id));
        return out;
    }

    /**
     * The banner's and summary's picture at {@code at}: the annunciated alarms that are still configured (a view
     * needs the definition), with the shelved, suppressed and out-of-service counts.
     */
    public AlarmSnapshot snapshot(Instant at) {
        return snapshot(at, at(at));
    }

    /** {@link #snapshot(Instant)} from alarms already rebuilt for {@code at}. */
    public static AlarmSnapshot snapshot(Instant at, List<ReplayedAlarm> alarms) {
        List<ActiveAlarm> shown = new ArrayList<>();
        int shelved = 0;
        int suppressed = 0;
        int outOfService = 0;
        for (ReplayedAlarm a : alarms) {
            switch (a.state()) {
                case SHELVED -> shelved++;
                case SUPPRESSED -> suppressed++;
                case OUT_OF_SERVICE -> outOfService++;
                default -> {
                    if (a.state().annunciated() && a.definition() != null) {
                        shown.add(new ActiveAlarm(a.id(), a.state(), a.priority(), a.station(), a.tag(), a.value(),
                                a.since(), 1, false, a.definition()));
                    }
                }
            }
        }
        return AlarmSnapshot.build(at, shown, false, 0, shelved, suppressed, outOfService);
    }
}
