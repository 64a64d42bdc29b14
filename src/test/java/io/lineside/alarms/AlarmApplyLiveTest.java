package io.lineside.alarms;

import static io.lineside.alarms.EngineFixture.TEMP;
import static io.lineside.alarms.EngineFixture.high;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** New alarm definitions taken by a running engine: what keeps its state, what starts, what goes and why. */
class AlarmApplyLiveTest {

    private static final TagPath SPEED = TagPath.parse("demo/assembly/line-1/weld/speed");

    @Test
    void anUnchangedAcknowledgedAlarmStaysAcknowledgedWhenAnotherIsAdded() {
        AlarmDefinition hot = high("HOT", 50, 0);
        EngineFixture f = new EngineFixture(hot);
        f.set(TEMP, 60);
        f.engine.acknowledge("HOT", "olga", "seen");
        f.set(SPEED, 90);
        AlarmDefinition fast = AlarmDefinition.simple("FAST", SPEED, Priority.LOW,
                new LimitCondition(LimitCondition.Level.H, 80, 0));

        f.engine.apply(List.of(hot, fast), "erik", "alarms.save");

        assertEquals(AlarmState.ACKED, f.state("HOT"), "unchanged: still acknowledged");
        assertTrue(f.engine.inputs().contains(SPEED), "the new alarm's tag is read from now on");
        f.set(SPEED, 95);
        assertEquals(AlarmState.UNACK, f.state("FAST"), "the new alarm fires from the next value");
        assertEquals(List.of("HOT", "FAST"), f.engine.snapshot().alarms().stream().map(ActiveAlarm::id).sorted(
                java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void aChangedLimitIsEvaluatedAtOnceOnTheLatestValue() {
        EngineFixture f = new EngineFixture(high("HOT", 50, 0));
        f.set(TEMP, 60);
        f.engine.acknowledge("HOT", "olga", "seen");

        f.engine.apply(List.of(high("HOT", 70, 0)), "erik", "alarms.save");

        assertEquals(AlarmState.NORMAL, f.state("HOT"), "60 is below the new limit: acknowledged and cleared");
        AlarmEvent last = f.journal.events.getLast();
        assertEquals(AlarmTrigger.CLEAR, last.trigger());
        assertEquals("70.0", String.valueOf(((LimitCondition) f.engine.definitions().getFirst().condition()).limit()));
    }

    @Test
    void aRemovedActiveAlarmIsClearedWithAJournalRowThatSaysWhy() {
        EngineFixture f = new EngineFixture(high("HOT", 50, 0), high("WARM", 40, 0));
        f.set(TEMP, 60);
        int before = f.journal.events.size();

        f.engine.apply(List.of(high("WARM", 40, 0)), "erik", "alarms.save by erik");

        AlarmEvent gone = f.journal.events.get(before);
        assertEquals(List.of("HOT", "CLEAR", "UNACK", "NORMAL", "erik"), List.of(gone.alarmId(),
                gone.trigger().name(), gone.from().name(), gone.to().name(), gone.user()));
        assertTrue(gone.note().startsWith("definition removed"), gone.note());
        assertEquals(before + 1, f.journal.events.size(), "the kept alarm wrote nothing");
        assertEquals(List.of("WARM"), f.engine.snapshot().alarms().stream().map(ActiveAlarm::id).toList());
        assertEquals(AlarmState.UNACK, f.state("WARM"));
    }
}
