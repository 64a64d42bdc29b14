package io.lineside.alarms;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable picture of the annunciated alarms for a banner and summary. Safe to share between threads.
 *
 * @param alarms        annunciated alarms: needing acknowledgement first, then highest priority, then newest
 * @param unacked       per priority, how many need acknowledgement
 * @param active        per priority, how many are annunciated
 * @param flood         more than 10 annunciations in the last 10 minutes
 * @param groups        the alarms grouped by station, earliest first-out first (what flood mode shows)
 * @param uncertain     how many alarms (shown or not) are held because their inputs are not good, or are evaluated
 *                      behind their updates
 * @param shelved       how many alarms are shelved
 * @param suppressed    how many alarms are suppressed
 * @param outOfService  how many alarms are out of service
 */
public record AlarmSnapshot(Instant time, List<ActiveAlarm> alarms, Map<Priority, Integer> unacked,
                            Map<Priority, Integer> active, boolean flood, List<AlarmGroup> groups,
                            int uncertain, int shelved, int suppressed, int outOfService) {

    /** Display order: needing acknowledgement first, then priority, then newest. */
    static final Comparator<ActiveAlarm> ORDER = Comparator
            .comparing((ActiveAlarm a) -> !a.state().needsAck())
            .thenComparing(ActiveAlarm::priority)
            .thenComparing(ActiveAlarm::since, Comparator.reverseOrder())
            .thenComparing(ActiveAlarm::id);

    public AlarmSnapshot {
        alarms = List.copyOf(alarms);
        unacked = Map.copyOf(unacked);
        active = Map.copyOf(active);
        groups = List.copyOf(groups);
    }

    /** True if any alarm is held because its inputs are not good. */
    public boolean anyUncertain() {
        return uncertain > 0;
    }

    /** Nothing annunciated. */
    public static AlarmSnapshot empty(Instant time) {
        return build(time, List.of(), false, 0, 0, 0, 0);
    }

    static AlarmSnapshot build(Instant time, List<ActiveAlarm> annunciated, boolean flood, int uncertain,
                               int shelved, int suppressed, int outOfService) {
        List<ActiveAlarm> sorted = annunciated.stream().sorted(ORDER).toList();
        Map<Priority, Integer> unacked = new EnumMap<>(Priority.class);
        Map<Priority, Integer> active = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            unacked.put(p, 0);
            active.put(p, 0);
        }
        Map<String, List<ActiveAlarm>> byStation = new LinkedHashMap<>();
        for (ActiveAlarm a : sorted) {
            active.merge(a.priority(), 1, Integer::sum);
            if (a.state().needsAck()) {
                unacked.merge(a.priority(), 1, Integer::sum);
            }
            byStation.computeIfAbsent(a.station(), s -> new java.util.ArrayList<>()).add(a);
        }
        List<AlarmGroup> groups = byStation.entrySet().stream().map(e -> {
            ActiveAlarm first = e.getValue().stream()
                    .min(Comparator.comparing(ActiveAlarm::since).thenComparing(ActiveAlarm::id)).orElseThrow();
            List<ActiveAlarm> others = e.getValue().stream().filter(a -> a != first)
                    .sorted(Comparator.comparing(ActiveAlarm::since, Comparator.reverseOrder())).toList();
            return new AlarmGroup(e.getKey(), first, others);
        }).sorted(Comparator.comparing((AlarmGroup g) -> g.firstOut().since()).thenComparing(AlarmGroup::station))
                .toList();
        return new AlarmSnapshot(time, sorted, unacked, active, flood, groups, uncertain, shelved, suppressed,
                outOfService);
    }
}
