package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.JournalFilter;
import io.lineside.alarms.LimitCondition;
import io.lineside.alarms.Priority;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tag with alarms flooded faster than a deliberately slowed evaluator can take (real H2 journal): the budget runs
 * out, the service coalesces, and still a single sample over HH among ordinary values raises the alarm, journalled
 * with the spike's own value and arrival time, and the return to normal after it is journalled too.
 */
class AlarmServiceFloodTest {

    private static final TagPath OVEN = TagPath.parse("plant/bake/line-1/oven/temperature");
    private static final String HH = "OVEN-TEMP-HH";
    private static final String H = "OVEN-TEMP-H";
    /** The slowed evaluator takes about 20,000 updates a second; the flood offers millions. */
    private static final long EVALUATION_NANOS = 50_000;

    @TempDir
    Path dir;

    private HistoryDatabase db;
    private AlarmService alarms;

    @AfterEach
    void stop() {
        if (alarms != null) {
            alarms.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private void start(int maxPending) throws Exception {
        db = HistoryDatabase.open(dir.resolve("db"));
        List<AlarmDefinition> definitions = List.of(
                AlarmDefinition.simple(HH, OVEN, Priority.HIGH, new LimitCondition(LimitCondition.Level.HH, 100, 2)),
                AlarmDefinition.simple(H, OVEN, Priority.MEDIUM, new LimitCondition(LimitCondition.Level.H, 80, 2)));
        alarms = new AlarmService(definitions, new AlarmJournalStore(db), Clock.systemUTC(), maxPending,
                AlarmServiceFloodTest::slowly);
    }

    private static void slowly() {
        long until = System.nanoTime() + EVALUATION_NANOS;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private List<AlarmEvent> journal(String id) {
        try {
            return alarms.journal().query(JournalFilter.between(Instant.EPOCH, Instant.now().plusSeconds(60))
                    .withText(id)).stream().filter(e -> e.alarmId().equals(id)).toList();
        } catch (Exception e) {
            throw new AssertionError("journal unreadable", e);
        }
    }

    @Test
    void aSingleSpikeOverHhHiddenInAFloodRaisesTheAlarmWithItsValueAndTime() throws Exception {
        start(1_000);
        SplittableRandom noise = new SplittableRandom(24);
        int total = 200_000;
        int spikeAt = 123_457;
        Instant spikeTime = null;
        long began = System.nanoTime();
        for (int i = 0; i < total; i++) {
            Instant now = Instant.ofEpochMilli(System.currentTimeMillis()); // what H2 keeps: milliseconds
            double value = i == spikeAt ? 150.0 : 50 + noise.nextDouble(-5, 5);
            if (i == spikeAt) {
                spikeTime = now;
            }
            alarms.accept(new TagUpdate(OVEN, TagValue.good(value, now, now, i)));
        }
        double offeredPerSecond = total / ((System.nanoTime() - began) / 1e9);
        assertTrue(offeredPerSecond > 5 * 1e9 / EVALUATION_NANOS, "the flood outruns the evaluator: "
                + Math.round(offeredPerSecond) + " updates/s offered");
        Eventually.await("the spike raised HH", Duration.ofSeconds(10), () -> !journal(HH).isEmpty());
        Eventually.await("and the value came back", Duration.ofSeconds(10), () -> journal(HH).size() >= 2);

        AlarmEvent raised = journal(HH).getFirst();
        assertEquals(AlarmTrigger.ACTIVATE, raised.trigger());
        assertEquals("150.0", raised.value());
        assertEquals(spikeTime, raised.time(), "journalled at the spike's arrival, not when the evaluator got to it");
        AlarmEvent cleared = journal(HH).get(1);
        assertEquals(AlarmTrigger.CLEAR, cleared.trigger(), "the return to normal is not missed");
        assertFalse(cleared.time().isBefore(spikeTime));
        assertEquals(List.of(AlarmTrigger.ACTIVATE, AlarmTrigger.CLEAR), journal(H).stream().map(AlarmEvent::trigger)
                .toList(), "H crossed and left with it");

        Eventually.await("caught up", Duration.ofSeconds(10), () -> !alarms.stats().delayed());
        AlarmService.Stats stats = alarms.stats();
        assertTrue(stats.coalesced() > total / 2, "most of the flood was coalesced: " + stats);
        assertTrue(stats.evaluated() < total, stats.toString());
        assertEquals(0, alarms.droppedUpdates());
        // The evaluator takes the flag away just after the backlog reports caught up: wait for it, briefly.
        Eventually.await("no alarm left flagged once caught up", Duration.ofSeconds(3),
                () -> alarms.snapshot().uncertain() == 0);
    }

    @Test
    void belowTheBudgetEveryUpdateIsEvaluatedInOrderAtItsOwnTime() throws Exception {
        start(1_000);
        Instant t0 = Instant.ofEpochMilli(System.currentTimeMillis()).minusSeconds(60);
        int crossings = 20;
        for (int i = 0; i < 2 * crossings; i++) {
            Instant at = t0.plusMillis(i * 10L);
            alarms.accept(new TagUpdate(OVEN, TagValue.good(i % 2 == 0 ? 120 : 40, at, at, i)));
        }
        Eventually.await("every update evaluated", Duration.ofSeconds(10),
                () -> alarms.stats().evaluated() == 2L * crossings);
        List<AlarmEvent> hh = journal(HH);
        assertEquals(2 * crossings, hh.size(), "each crossing and each return is a row");
        for (int i = 0; i < hh.size(); i++) {
            assertEquals(i % 2 == 0 ? AlarmTrigger.ACTIVATE : AlarmTrigger.CLEAR, hh.get(i).trigger());
            assertEquals(t0.plusMillis(i * 10L), hh.get(i).time());
        }
        assertEquals(0, alarms.stats().coalesced());
        assertTrue(alarms.stats().nanosPerUpdate() > 0);
    }

    @Test
    void whileBehindTheTagsAlarmsShowUncertainAndTheServiceSaysDelayed() throws Exception {
        start(100);
        List<Integer> uncertainSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        alarms.submit(e -> {
            e.addListener(event -> uncertainSeen.add(alarms.snapshot().uncertain()));
            return null;
        });
        var gate = new java.util.concurrent.CountDownLatch(1);
        alarms.submit(e -> {
            try {
                gate.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        Instant now = Instant.now();
        for (int i = 0; i < 300; i++) {
            alarms.accept(new TagUpdate(OVEN, TagValue.good(i == 250 ? 90 : 50, now, now, i)));
        }
        assertTrue(alarms.stats().delayed());
        gate.countDown();
        Eventually.await("caught up", Duration.ofSeconds(10), () -> !alarms.stats().delayed()
                && alarms.stats().evaluated() == 100 + 3); // 100 single, then of 200: first and last 50, the 90
        // The H alarm was raised by the coalesced 90 while both alarms of the tag showed uncertain; after it, none.
        assertEquals(List.of(AlarmTrigger.ACTIVATE, AlarmTrigger.CLEAR), journal(H).stream().map(AlarmEvent::trigger)
                .toList());
        assertEquals(2, uncertainSeen.getFirst(), "both alarms of the delayed tag showed uncertain: " + uncertainSeen);
        Eventually.await("no longer uncertain", Duration.ofSeconds(5), () -> alarms.snapshot().uncertain() == 0);
        assertEquals(200, alarms.stats().coalesced());
    }
}
