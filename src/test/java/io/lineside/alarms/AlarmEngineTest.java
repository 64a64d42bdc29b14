package io.lineside.alarms;

import io.lineside.testsupport.MutableClock;
import static io.lineside.alarms.AlarmState.ACKED;
import static io.lineside.alarms.AlarmState.LATCHED;
import static io.lineside.alarms.AlarmState.NORMAL;
import static io.lineside.alarms.AlarmState.OUT_OF_SERVICE;
import static io.lineside.alarms.AlarmState.RTN_UNACK;
import static io.lineside.alarms.AlarmState.SHELVED;
import static io.lineside.alarms.AlarmState.SUPPRESSED;
import static io.lineside.alarms.AlarmState.UNACK;
import static io.lineside.alarms.EngineFixture.STATE;
import static io.lineside.alarms.EngineFixture.TEMP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AlarmEngineTest {

    @ParameterizedTest
    @EnumSource(value = Quality.class, names = {"BAD", "STALE", "UNCERTAIN"})
    void aNotGoodInputNeitherClearsNorRaisesAndShowsUncertain(Quality quality) {
        EngineFixture f = new EngineFixture(EngineFixture.high("ACTIVE", 200, 0), EngineFixture.high("QUIET", 300, 0));
        f.set(TEMP, 250);
        assertEquals(UNACK, f.state("ACTIVE"));
        int rows = f.journal.events.size();
        f.quality(TEMP, quality);
        f.advance(60);
        assertEquals(UNACK, f.state("ACTIVE"), "held, not cleared");
        assertEquals(NORMAL, f.state("QUIET"), "not raised");
        assertEquals(rows, f.journal.events.size());
        AlarmSnapshot s = f.engine.snapshot();
        assertEquals(2, s.uncertain());
        assertTrue(s.alarms().getFirst().uncertain());
        f.set(TEMP, 100);
        assertEquals(RTN_UNACK, f.state("ACTIVE"));
        assertEquals(0, f.engine.snapshot().uncertain());
    }

    @Test
    void theTripValueIsTheInputWhenTheConditionBecameActiveNotTheCurrentOne() {
        EngineFixture f = new EngineFixture(EngineFixture.high("H", 200, 0));
        f.set(TEMP, 250);
        f.set(TEMP, 270);
        ActiveAlarm a = f.engine.snapshot().alarms().getFirst();
        assertEquals(List.of("250.0", "270.0"), List.of(a.tripValue(), a.value()));
        assertFalse(a.restored());
        f.set(TEMP, 100);
        f.set(TEMP, 230);
        assertEquals("230.0", f.engine.snapshot().alarms().getFirst().tripValue(), "a new activation, a new trip value");
    }

    @Test
    void aBadInputDuringTheOnDelayCancelsThePendingActivation() {
        EngineFixture f = new EngineFixture(EngineFixture.withDelays(EngineFixture.high("H", 200, 0), 5, 0));
        f.set(TEMP, 250);
        f.advance(3);
        f.quality(TEMP, Quality.BAD);
        f.advance(10);
        assertEquals(NORMAL, f.state("H"));
        f.set(TEMP, 250); // good again: the on-delay starts over
        f.advance(4);
        assertEquals(NORMAL, f.state("H"));
        f.advance(1);
        assertEquals(UNACK, f.state("H"));
    }

    @Test
    void acknowledgementRecordsUserAndNoteAndHighAndCriticalAlarmsRequireANote() {
        AlarmDefinition critical = AlarmDefinition.simple("C", TEMP, Priority.CRITICAL,
                new LimitCondition(LimitCondition.Level.HH, 220, 0));
        EngineFixture f = new EngineFixture(critical, EngineFixture.high("H", 200, 0));
        f.set(TEMP, 230);
        assertThrows(IllegalArgumentException.class, () -> f.engine.acknowledge("C", "ana", " "));
        assertThrows(IllegalArgumentException.class, () -> f.engine.acknowledge("H", "", "x"), "a user is required");
        assertThrows(IllegalArgumentException.class, () -> f.engine.acknowledge("NOPE", "ana", "x"));
        assertEquals(UNACK, f.state("C"));
        assertTrue(f.engine.acknowledge("C", "ana", "cooling valve opened"));
        assertThrows(IllegalArgumentException.class, () -> f.engine.acknowledge("H", "ana", null),
                "High needs a note too (RELIABILITY.md scenario 29), in the engine, not only in the commands");
        assertEquals(UNACK, f.state("H"));
        assertTrue(f.engine.acknowledge("H", "ana", "seen"));
        assertFalse(f.engine.acknowledge("H", "ana", "seen"), "acknowledging twice does not apply");
        AlarmEvent ack = f.journal.of("C").getLast();
        assertEquals(List.of(AlarmTrigger.ACK, UNACK, ACKED, "ana", "cooling valve opened", "230.0"),
                List.of(ack.trigger(), ack.from(), ack.to(), ack.user(), ack.note(), ack.value()));
        f.set(TEMP, 100);
        assertEquals(NORMAL, f.state("C"), "an acknowledged alarm returns straight to normal");
    }

    @Test
    void mediumLowAndDiagnosticAlarmsAreAcknowledgedWithoutANote() {
        List<Priority> optional = List.of(Priority.MEDIUM, Priority.LOW, Priority.DIAGNOSTIC);
        EngineFixture f = new EngineFixture(optional.stream().map(p -> AlarmDefinition.simple(p.name(), TEMP, p,
                new LimitCondition(LimitCondition.Level.H, 200, 0))).toArray(AlarmDefinition[]::new));
        f.set(TEMP, 250);
        for (Priority p : optional) {
            assertFalse(p.acknowledgementNeedsNote(), p.name());
            assertTrue(f.engine.acknowledge(p.name(), "ana", p == Priority.LOW ? null : " "), p.name());
            assertEquals(ACKED, f.state(p.name()));
        }
    }

    @Test
    void aLatchingAlarmStaysLatchedAfterItClearsUntilAnOperatorResetsIt() {
        EngineFixture f = new EngineFixture(EngineFixture.latching(EngineFixture.high("H", 200, 0)));
        f.set(TEMP, 250);
        f.set(TEMP, 100);
        assertEquals(LATCHED, f.state("H"));
        assertTrue(f.engine.snapshot().alarms().getFirst().state().needsAck());
        assertTrue(f.engine.acknowledge("H", "ana", "reset"));
        assertEquals(NORMAL, f.state("H"));
        f.set(TEMP, 250);
        f.engine.acknowledge("H", "ana", "seen");
        f.set(TEMP, 100);
        assertEquals(LATCHED, f.state("H"), "latches even when acknowledged while active");
    }

    @Test
    void aTimedShelveExpiresAndAStillActiveAlarmComesBackUnacknowledged() {
        EngineFixture f = new EngineFixture(EngineFixture.high("H", 200, 0));
        f.set(TEMP, 250);
        assertTrue(f.engine.shelve("H", "ana", Duration.ofMinutes(10), "sensor known bad", false));
        assertEquals(SHELVED, f.state("H"));
        assertEquals(1, f.engine.snapshot().shelved());
        assertTrue(f.engine.snapshot().alarms().isEmpty());
        f.set(TEMP, 100);
        f.set(TEMP, 260); // condition changes while shelved are journalled but not shown
        f.advance(599);
        assertEquals(SHELVED, f.state("H"));
        f.advance(1);
        assertEquals(UNACK, f.state("H"));
        AlarmEvent expiry = f.journal.of("H").getLast();
        assertEquals(List.of(AlarmTrigger.UNSHELVE, AlarmEvent.SYSTEM, "shelve expired"),
                List.of(expiry.trigger(), expiry.user(), expiry.note()));
        assertEquals(List.of(AlarmTrigger.ACTIVATE, AlarmTrigger.SHELVE, AlarmTrigger.CLEAR, AlarmTrigger.ACTIVATE,
                AlarmTrigger.UNSHELVE), f.journal.of("H").stream().map(AlarmEvent::trigger).toList());
    }

    @Test
    void aShelveLongerThanTheMaximumOrWithoutAReasonIsRefused() {
        EngineFixture f = new EngineFixture(EngineFixture.high("H", 200, 0)); // simple(): max 8 h
        f.set(TEMP, 250);
        assertThrows(IllegalArgumentException.class,
                () -> f.engine.shelve("H", "ana", Duration.ofHours(8).plusSeconds(1), "why", false));
        assertThrows(IllegalArgumentException.class, () -> f.engine.shelve("H", "ana", Duration.ZERO, "why", false));
        assertThrows(IllegalArgumentException.class, () -> f.engine.shelve("H", "ana", Duration.ofHours(1), "", false));
        assertEquals(UNACK, f.state("H"));
        assertTrue(f.engine.shelve("H", "ana", Duration.ofHours(8), "why", false));
    }

    @Test
    void aOneShotShelveEndsWhenTheConditionReturnsToNormal() {
        EngineFixture f = new EngineFixture(EngineFixture.high("H", 200, 0));
        f.set(TEMP, 250);
        f.engine.shelve("H", "ana", Duration.ofHours(1), "known, repair booked", true);
        f.set(TEMP, 100);
        assertEquals(NORMAL, f.state("H"));
        f.set(TEMP, 250);
        assertEquals(UNACK, f.state("H"), "the next activation is annunciated");
    }

    @Test
    void reshelvingRestartsTheShelveAndUnshelveByHandReturnsTheAlarm() {
        EngineFixture f = new EngineFixture(EngineFixture.high("H", 200, 0));
        f.set(TEMP, 250);
        f.engine.shelve("H", "ana", Duration.ofMinutes(10), "first", false);
        f.advance(540);
        assertTrue(f.engine.shelve("H", "ben", Duration.ofMinutes(10), "again", false));
        f.advance(540);
        assertEquals(SHELVED, f.state("H"), "the second shelve runs from when it was given");
        assertTrue(f.engine.unshelve("H", "ben", "repaired"));
        assertEquals(UNACK, f.state("H"));
        assertFalse(f.engine.unshelve("H", "ben", "again"));
    }

    @Test
    void afterARestartEveryAlarmIsUnshelvedAndRaisesFromLiveData() {
        EngineFixture before = new EngineFixture(EngineFixture.high("H", 200, 0));
        before.set(TEMP, 250);
        before.engine.shelve("H", "ana", Duration.ofHours(1), "night shift", false);
        EngineFixture after = new EngineFixture(EngineFixture.high("H", 200, 0)); // the shelve state was not kept
        after.set(TEMP, 250);
        assertEquals(UNACK, after.state("H"));
    }

    @Test
    void suppressionByDesignFollowsItsConditionAndAHandSuppressionOutlastsIt() {
        AlarmDefinition low = EngineFixture.suppressedWhen(AlarmDefinition.simple("L", TEMP, Priority.LOW,
                new LimitCondition(LimitCondition.Level.L, 120, 0)), new SuppressionRule(STATE,
                new DiscreteCondition("idle", null)));
        EngineFixture f = new EngineFixture(low);
        f.set(STATE, "idle");
        f.set(TEMP, 100);
        assertEquals(SUPPRESSED, f.state("L"));
        assertEquals(1, f.engine.snapshot().suppressed());
        f.quality(STATE, Quality.BAD);
        assertEquals(SUPPRESSED, f.state("L"), "an unknown suppression input keeps the suppression");
        f.set(STATE, "running");
        assertEquals(UNACK, f.state("L"), "released while the condition is active: shown");
        f.engine.suppress("L", "eng", "heater replaced this week");
        f.set(STATE, "idle");
        f.set(STATE, "running");
        assertEquals(SUPPRESSED, f.state("L"), "the hand suppression still holds");
        f.set(STATE, "idle");
        assertFalse(f.engine.unsuppress("L", "eng", "done"), "the design condition still holds");
        f.set(STATE, "running");
        assertEquals(UNACK, f.state("L"));
        AlarmEvent byDesign = f.journal.of("L").get(f.journal.of("L").size() - 1);
        assertEquals(AlarmTrigger.UNSUPPRESS, byDesign.trigger());
        assertTrue(byDesign.note().startsWith("by design: "), byDesign.note());
    }

    @Test
    void anAlarmOutOfServiceIsNotJournalledAndReturnsShowingTheCurrentCondition() {
        EngineFixture f = new EngineFixture(EngineFixture.high("H", 200, 0));
        f.engine.removeFromService("H", "eng", "sensor swap");
        f.set(TEMP, 250);
        f.set(TEMP, 100);
        f.set(TEMP, 250);
        assertFalse(f.engine.shelve("H", "ana", Duration.ofMinutes(5), "x", false));
        assertEquals(OUT_OF_SERVICE, f.state("H"));
        assertEquals(1, f.journal.events.size(), "only the removal");
        assertEquals(1, f.engine.snapshot().outOfService());
        f.engine.returnToService("H", "eng", "sensor swapped");
        assertEquals(UNACK, f.state("H"));
    }

    @Test
    void anAcknowledgedAlarmStillActiveIsAnnunciatedAgainAfterTheReAlarmTime() {
        EngineFixture f = new EngineFixture(EngineFixture.realarm(EngineFixture.high("H", 200, 0), Duration.ofMinutes(30)));
        f.set(TEMP, 250);
        f.advance(60);
        f.engine.acknowledge("H", "ana", "seen");
        f.advance(1799);
        assertEquals(ACKED, f.state("H"));
        f.advance(1);
        assertEquals(UNACK, f.state("H"));
        assertTrue(f.journal.of("H").getLast().annunciation());
        f.engine.acknowledge("H", "ana", "seen");
        f.advance(1799);
        assertEquals(ACKED, f.state("H"), "the re-alarm timer runs from the latest acknowledgement");
    }

    @Test
    void elevenAlarmsInTenMinutesIsAFloodGroupedByStationWithTheFirstOutMarked() {
        List<AlarmDefinition> defs = new ArrayList<>();
        for (String station : List.of("press", "weld", "paint")) {
            for (int i = 0; i < 4; i++) {
                defs.add(AlarmDefinition.simple(station + "-" + i,
                        io.lineside.tags.TagPath.parse("demo/assembly/line-1/" + station + "/t" + i), Priority.LOW,
                        new LimitCondition(LimitCondition.Level.H, 10, 0)));
            }
        }
        EngineFixture f = new EngineFixture(defs);
        String[] order = {"weld-2", "weld-0", "press-1", "weld-3", "paint-0", "press-0", "press-2", "weld-1", "paint-1",
                "paint-2"};
        for (String id : order) {
            f.set(defs.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().tag(), 20);
            f.advance(30);
        }
        assertFalse(f.engine.snapshot().flood(), "10 in 10 minutes is not yet a flood");
        f.set(io.lineside.tags.TagPath.parse("demo/assembly/line-1/press/t3"), 20);
        AlarmSnapshot s = f.engine.snapshot();
        assertTrue(s.flood());
        assertEquals(List.of("demo/assembly/line-1/weld", "demo/assembly/line-1/press", "demo/assembly/line-1/paint"),
                s.groups().stream().map(AlarmGroup::station).toList(), "groups ordered by their first-out");
        assertEquals(List.of("weld-2", "press-1", "paint-0"), s.groups().stream().map(g -> g.firstOut().id()).toList());
        assertEquals(List.of(4, 4, 3), s.groups().stream().map(AlarmGroup::size).toList());
        f.advance(600 - 30 * 10 + 1); // the first annunciation leaves the window: 10 left
        assertFalse(f.engine.snapshot().flood());
    }

    @Test
    void aChatteringAlarmIsShownOnceWithItsRepeatCount() {
        EngineFixture f = new EngineFixture(EngineFixture.high("H", 200, 0));
        for (int i = 0; i < 3; i++) {
            f.set(TEMP, 250);
            f.advance(10);
            f.set(TEMP, 100);
            f.advance(10);
        }
        f.set(TEMP, 250);
        List<ActiveAlarm> shown = f.engine.snapshot().alarms();
        assertEquals(1, shown.size());
        assertEquals(4, shown.getFirst().repeats());
    }

    @Test
    void theSummaryListsUnacknowledgedFirstThenByPriorityThenNewestAndCountsPerPriority() {
        EngineFixture f = new EngineFixture(
                AlarmDefinition.simple("LOW-OLD", TEMP, Priority.LOW, new LimitCondition(LimitCondition.Level.H, 10, 0)),
                AlarmDefinition.simple("HIGH-ACKED", TEMP, Priority.HIGH, new LimitCondition(LimitCondition.Level.HH, 20, 0)),
                AlarmDefinition.simple("LOW-NEW", STATE, Priority.LOW, new DiscreteCondition("fault", null)),
                AlarmDefinition.simple("MED", EngineFixture.SETPOINT, Priority.MEDIUM, new NoDataCondition(Duration.ofSeconds(30))));
        f.set(EngineFixture.SETPOINT, 1);
        f.set(TEMP, 30);
        f.engine.acknowledge("HIGH-ACKED", "ana", "seen");
        f.advance(5);
        f.set(STATE, "fault");
        f.advance(31); // MED: no data
        AlarmSnapshot s = f.engine.snapshot();
        assertEquals(List.of("MED", "LOW-NEW", "LOW-OLD", "HIGH-ACKED"), s.alarms().stream().map(ActiveAlarm::id).toList());
        assertEquals(2, s.unacked().get(Priority.LOW));
        assertEquals(0, s.unacked().get(Priority.HIGH));
        assertEquals(1, s.active().get(Priority.HIGH));
    }

    @Test
    void aFailingListenerIsCountedAndTheOthersAndTheJournalStillGetEveryEvent() {
        EngineFixture f = new EngineFixture(EngineFixture.high("H", 200, 0));
        List<AlarmEvent> seen = new ArrayList<>();
        f.engine.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        f.engine.addListener(seen::add);
        f.set(TEMP, 250);
        f.engine.acknowledge("H", "ana", "seen");
        f.set(TEMP, 100);
        assertEquals(3, seen.size());
        assertEquals(seen, f.journal.events);
        assertEquals(3, f.engine.listenerFailures());
    }

    @Test
    void aJournalThatThrowsIsCountedAndTheEngineKeepsGoing() {
        AlarmJournal broken = new MemoryJournal() {
            @Override
            public void append(AlarmEvent event) {
                throw new IllegalStateException("disk full");
            }
        };
        AlarmEngine engine = new AlarmEngine(List.of(EngineFixture.high("H", 200, 0)), broken,
                new MutableClock(EngineFixture.T0));
        engine.onUpdate(new io.lineside.tags.TagUpdate(TEMP, io.lineside.tags.TagValue.good(250, EngineFixture.T0,
                EngineFixture.T0, 1)));
        assertEquals(UNACK, engine.state("H"));
        assertEquals(1, engine.journalFailures());
    }
}
