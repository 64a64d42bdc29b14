package io.lineside.ui.alarms;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmGroup;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.DiscreteCondition;
import io.lineside.alarms.Priority;
import io.lineside.tags.TagPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds alarm snapshots as the engine publishes them, for view-model tests without an engine. */
final class Snapshots {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private Snapshots() {
    }

    static AlarmDefinition definition(String id, String station, Priority priority, Duration maxShelve) {
        TagPath tag = TagPath.parse("demo/assembly/" + station + "/state");
        return new AlarmDefinition(id, tag, tag.stationId(), priority, new DiscreteCondition("fault", null),
                Duration.ZERO, Duration.ZERO, false, Duration.ZERO, maxShelve,
                Map.of("en", id + " fault", "zh-CN", id + " \u6545\u969C"), Optional.empty(), Optional.empty());
    }

    static ActiveAlarm alarm(String id, String station, Priority priority, AlarmState state, int secondsAfterT0) {
        return new ActiveAlarm(id, state, priority, "demo/assembly/" + station, "demo/assembly/" + station + "/state",
                "fault", T0.plusSeconds(secondsAfterT0), 1, false,
                definition(id, station, priority, Duration.ofHours(8)));
    }

    /** The snapshot the engine would publish for {@code alarms}, with flood and hidden counts as given. */
    static AlarmSnapshot of(boolean flood, int uncertain, ActiveAlarm... alarms) {
        List<ActiveAlarm> list = List.of(alarms);
        Map<Priority, Integer> unacked = new EnumMap<>(Priority.class);
        Map<Priority, Integer> active = new EnumMap<>(Priority.class);
        Map<String, List<ActiveAlarm>> byStation = new LinkedHashMap<>();
        for (ActiveAlarm a : list) {
            active.merge(a.priority(), 1, Integer::sum);
            if (a.state().needsAck()) {
                unacked.merge(a.priority(), 1, Integer::sum);
            }
            byStation.computeIfAbsent(a.station(), s -> new ArrayList<>()).add(a);
        }
        List<AlarmGroup> groups = byStation.entrySet().stream().map(e -> {
            ActiveAlarm first = e.getValue().stream().min(Comparator.comparing(ActiveAlarm::since)).orElseThrow();
            return new AlarmGroup(e.getKey(), first, e.getValue().stream().filter(a -> a != first).toList());
        }).toList();
        List<ActiveAlarm> sorted = list.stream().sorted(Comparator.comparing((ActiveAlarm a) -> !a.state().needsAck())
                .thenComparing(ActiveAlarm::priority).thenComparing(ActiveAlarm::since, Comparator.reverseOrder()))
                .toList();
        return new AlarmSnapshot(T0.plusSeconds(600), sorted, unacked, active, flood, groups, uncertain, 0, 0, 0);
    }
}
