package io.lineside.alarms;

import io.lineside.testsupport.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.sim.SimMessage;
import io.lineside.sim.SimPlant;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.JsonPayloadDecoder;
import io.lineside.telemetry.TopicMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped demo alarms on the demo simulator's telemetry, decoded as the app decodes it. */
class DemoAlarmsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    @Test
    void aFaultedDemoStationRaisesItsFaultAlarmAndTheRunningPlantIsOtherwiseQuiet() throws Exception {
        MutableClock clock = new MutableClock(T0);
        MemoryJournal journal = new MemoryJournal();
        AlarmEngine engine = new AlarmEngine(new AlarmDefinitionsLoader().loadDemo(), journal, clock);
        SimPlant plant = SimPlant.demo("lineside", 42);
        TopicMapper topics = new TopicMapper("lineside");
        JsonPayloadDecoder decoder = new JsonPayloadDecoder();
        Map<String, Instant> firstFault = new HashMap<>(); // station -> when the simulator first said "fault"
        Map<String, Instant> lastFault = new HashMap<>();
        for (int s = 0; s <= 3_600; s++) {
            Instant now = T0.plusSeconds(s);
            clock.advance(Duration.between(clock.instant(), now));
            for (SimMessage m : plant.tick(now)) {
                TagPath path = topics.map(m.topic());
                TagValue value = decoder.decode(m.payload(), now);
                if (path.signal().equals("state") && value.text().equals("fault")) {
                    firstFault.putIfAbsent(path.stationId().toString(), now);
                    lastFault.put(path.stationId().toString(), now);
                }
                engine.onUpdate(new TagUpdate(path, value));
            }
            engine.tick(now);
        }
        assertFalse(firstFault.isEmpty(), "an hour of the demo plant has faults (mean 30 min per station)");
        for (var fault : firstFault.entrySet()) {
            String[] p = fault.getKey().split("/");
            String id = "L" + p[2].substring("line-".length()) + "-" + p[3].toUpperCase(java.util.Locale.ROOT) + "-FAULT";
            AlarmEvent raised = journal.of(id).getFirst();
            assertEquals(List.of(AlarmTrigger.ACTIVATE, AlarmState.UNACK, fault.getValue(), Priority.HIGH),
                    List.of(raised.trigger(), raised.to(), raised.time(), raised.priority()), id);
        }
        for (AlarmEvent e : journal.events) {
            assertFalse(e.alarmId().endsWith("-NODATA"), "the simulator never goes silent: " + e);
            assertFalse(e.alarmId().endsWith("-TEMP-L") && e.trigger() == AlarmTrigger.ACTIVATE,
                    "the welders stay hot (their idle periods only suppress this alarm by design): " + e);
            if (e.alarmId().contains("-TEMP-") && e.trigger() == AlarmTrigger.ACTIVATE) {
                String station = e.station();
                assertTrue(firstFault.containsKey(station) && !e.time().isBefore(firstFault.get(station)),
                        "temperature alarms follow a fault of their station: " + e);
            }
        }
        assertTrue(journal.events.stream().anyMatch(e -> e.alarmId().contains("-TEMP-H")), "long faults heat stations");
        KpiReport k = AlarmKpis.compute(journal.events, T0, T0.plusSeconds(3_600));
        assertEquals(List.of(), k.chattering(), "deadbands and off-delays keep the demo alarms from chattering");
        assertEquals(List.of(), k.stale());
    }
}
