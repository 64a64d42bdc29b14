package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.JournalFilter;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alarm states survive a restart on the same H2 history file: 40 alarms raised, some acknowledged, two shelved (one
 * for long, one for 2 s), one suppressed and one out of service by hand; the service and the database are closed and
 * opened again, the states come back marked restored, and fresh values then confirm or clear them.
 */
class AlarmRestoreTest {

    private static final int ALARMS = 40;

    @TempDir
    Path dir;

    @Test
    void statesComeBackMarkedRestoredAndFreshValuesReEvaluateThem() throws Exception {
        List<AlarmDefinition> defs = definitions();
        Clock clock = Clock.systemUTC();
        HistoryDatabase db = HistoryDatabase.open(dir.resolve("db"));
        AlarmService first = new AlarmService(defs, new AlarmJournalStore(db), clock);
        assertEquals(0, first.restoredAtStart());
        for (int i = 0; i < ALARMS; i++) {
            first.accept(update(i, "fault"));
        }
        Eventually.await("all raised", Duration.ofSeconds(5), () -> first.snapshot().alarms().size() == ALARMS);
        // a0..a9 acknowledged, a10 shelved long, a11 shelved 2 s, a12 suppressed, a13 out of service, rest unacked
        first.submit(e -> {
            for (int i = 0; i < 10; i++) {
                assertTrue(e.acknowledge(id(i), "olga", "seen"));
            }
            assertTrue(e.shelve(id(10), "olga", Duration.ofHours(4), "sensor being replaced", false));
            assertTrue(e.shelve(id(11), "olga", Duration.ofSeconds(2), "short look", false));
            assertTrue(e.suppress(id(12), "erik", "line dismantled"));
            assertTrue(e.removeFromService(id(13), "erik", "calibration"));
            return null;
        }).get(5, TimeUnit.SECONDS);
        first.close();
        db.close();

        db = HistoryDatabase.open(dir.resolve("db"));
        AlarmService second = new AlarmService(defs, new AlarmJournalStore(db), clock);
        try {
            assertEquals(ALARMS, second.restoredAtStart());
            Map<String, ActiveAlarm> shown = byId(second);
            assertEquals(ALARMS - 4, shown.size());
            for (int i = 0; i < ALARMS; i++) {
                AlarmState want = i < 10 ? AlarmState.ACKED : i <= 11 ? AlarmState.SHELVED
                        : i == 12 ? AlarmState.SUPPRESSED : i == 13 ? AlarmState.OUT_OF_SERVICE : AlarmState.UNACK;
                String alarm = id(i);
                assertEquals(want, second.submit(e -> e.state(alarm)).get(5, TimeUnit.SECONDS), alarm);
                if (want.annunciated()) {
                    assertTrue(shown.get(alarm).restored(), alarm + " marked restored");
                    assertEquals("fault", shown.get(alarm).tripValue(), alarm + " trip value");
                }
            }
            assertEquals(2, second.snapshot().shelved());
            AlarmEvent shelve = second.shelved().stream().filter(e -> e.alarmId().equals(id(10))).findFirst()
                    .orElseThrow();
            assertEquals("olga", shelve.user(), "the shelver, not system");
            assertTrue(shelve.note().startsWith("sensor being replaced"), shelve.note());

            // the 2 s shelve has passed (the restart took longer or we wait): the first ticks end it, back UNACK
            Eventually.await("short shelve expired", Duration.ofSeconds(6),
                    () -> byId(second).containsKey(id(11)));
            assertEquals(AlarmState.UNACK, byId(second).get(id(11)).state());

            // fresh values: a0 (acked) and a20 (unacked) clear, a30 still in fault
            second.accept(update(0, "ok"));
            second.accept(update(20, "ok"));
            second.accept(update(30, "fault"));
            Eventually.await("re-evaluated", Duration.ofSeconds(5), () -> {
                Map<String, ActiveAlarm> now = byId(second);
                return !now.containsKey(id(0)) && now.get(id(20)).state() == AlarmState.RTN_UNACK
                        && !now.get(id(30)).restored();
            });
            Map<String, ActiveAlarm> now = byId(second);
            assertFalse(now.get(id(20)).restored(), "a good value confirms it");
            assertEquals(AlarmState.UNACK, now.get(id(30)).state());
            assertTrue(now.get(id(31)).restored(), "no fresh value yet: still marked");
        } finally {
            second.close();
        }
        List<AlarmEvent> journal = new io.lineside.history.AlarmJournalStore(db).query(
                JournalFilter.between(Instant.EPOCH, Instant.now().plusSeconds(60)));
        db.close();
        // one annunciation per alarm for the first run's faults, plus the 2 s shelve ending in UNACK: no re-raise
        assertEquals(ALARMS, journal.stream().filter(AlarmEvent::annunciation).count());
        assertEquals(ALARMS, journal.stream().filter(e -> e.trigger() == AlarmTrigger.RESTORE
                && e.from() == e.to() && e.user().equals(AlarmEvent.SYSTEM)
                && e.note().startsWith("restored from journal")).count());
    }

    @Test
    void aRestartWithoutChangesRestoresTheSameStatesAgain() throws Exception {
        List<AlarmDefinition> defs = definitions();
        HistoryDatabase db = HistoryDatabase.open(dir.resolve("db"));
        AlarmService s = new AlarmService(defs, new AlarmJournalStore(db), Clock.systemUTC());
        s.accept(update(1, "fault"));
        Eventually.await("raised", Duration.ofSeconds(5), () -> s.snapshot().alarms().size() == 1);
        s.close();
        for (int run = 0; run < 2; run++) { // the RESTORE row of one restart is read back by the next
            AlarmService again = new AlarmService(defs, new AlarmJournalStore(db), Clock.systemUTC());
            assertEquals(1, again.restoredAtStart());
            assertEquals(AlarmState.UNACK, again.snapshot().alarms().getFirst().state());
            again.close();
        }
        db.close();
    }

    @Test
    void showShelvedKeepsTheShelverWhenTheConditionChangesWhileShelved() throws Exception {
        HistoryDatabase db = HistoryDatabase.open(dir.resolve("db"));
        AlarmService s = new AlarmService(definitions(), new AlarmJournalStore(db), Clock.systemUTC());
        try {
            s.accept(update(2, "fault"));
            Eventually.await("raised", Duration.ofSeconds(5), () -> s.snapshot().alarms().size() == 1);
            assertTrue(s.submit(e -> e.shelve(id(2), "olga", Duration.ofHours(1), "pump swap", false))
                    .get(5, TimeUnit.SECONDS));
            s.accept(update(2, "ok")); // a CLEAR while shelved: journalled SHELVED -> SHELVED by system
            Eventually.await("clear journalled", Duration.ofSeconds(5), () -> journalled(s, AlarmTrigger.CLEAR));
            AlarmEvent shown = s.shelved().getFirst();
            assertEquals("olga", shown.user());
            assertTrue(shown.note().startsWith("pump swap (until "), shown.note());
        } finally {
            s.close();
            db.close();
        }
    }

    private static boolean journalled(AlarmService s, AlarmTrigger trigger) {
        try {
            return s.journal().query(JournalFilter.between(Instant.EPOCH, Instant.now().plusSeconds(5))).stream()
                    .anyMatch(e -> e.trigger() == trigger);
        } catch (io.lineside.alarms.AlarmJournal.JournalException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, ActiveAlarm> byId(AlarmService s) {
        return s.snapshot().alarms().stream().collect(Collectors.toMap(ActiveAlarm::id, Function.identity()));
    }

    private static String id(int i) {
        return "a" + i;
    }

    private static TagUpdate update(int i, String value) {
        Instant now = Instant.now();
        return new TagUpdate(TagPath.parse("demo/area/line/st" + i + "/state"),
                new TagValue(value, now, now, Quality.GOOD, 1));
    }

    private List<AlarmDefinition> definitions() throws Exception {
        StringBuilder yaml = new StringBuilder("alarms:\n");
        for (int i = 0; i < ALARMS; i++) {
            yaml.append("  - id: ").append(id(i)).append("\n    tag: demo/area/line/st").append(i)
                    .append("/state\n    kind: discrete\n    equals: fault\n    priority: Medium\n")
                    .append("    message: {en: \"station ").append(i).append(" fault\"}\n");
        }
        Path file = dir.resolve("alarms.yaml");
        Files.writeString(file, yaml);
        return new AlarmDefinitionsLoader().load(file);
    }
}
