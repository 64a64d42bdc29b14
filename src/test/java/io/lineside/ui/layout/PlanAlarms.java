package io.lineside.ui.layout;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.DiscreteCondition;
import io.lineside.alarms.Priority;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Annunciated alarms on the demo plant's signals and the snapshots the engine would publish, for plan tests. */
final class PlanAlarms {

    private PlanAlarms() {
    }

    /** An alarm {@code id} on {@code station}'s {@code signal}, annunciated {@code seconds} after T0. */
    static ActiveAlarm alarm(String id, StationId station, String signal, Priority p, AlarmState state, int seconds) {
        return alarm(id, station, signal, p, state, seconds, "1");
    }

    static ActiveAlarm alarm(String id, StationId station, String signal, Priority p, AlarmState state, int seconds,
                             String value) {
        TagPath tag = station.signal(signal);
        AlarmDefinition d = new AlarmDefinition(id, tag, station, p, new DiscreteCondition("fault", null),
                Duration.ZERO, Duration.ZERO, false, Duration.ZERO, Duration.ofHours(8),
                Map.of("en", id + " message", "zh-CN", id + " \u62A5\u8B66"), Optional.empty(), Optional.empty());
        return new ActiveAlarm(id, state, p, station.toString(), tag.toString(), value,
                PlanFixture.T0.plusSeconds(seconds), 1, false, d);
    }

    /** A new snapshot object of {@code alarms} (the plan only reads the list). */
    static AlarmSnapshot of(ActiveAlarm... alarms) {
        return new AlarmSnapshot(PlanFixture.T0, List.of(alarms), Map.of(), Map.of(), false, List.of(), 0, 0, 0, 0);
    }
}
