package io.lineside.history;

import io.lineside.testsupport.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEngine;
import io.lineside.alarms.AlarmKpis;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.JournalFilter;
import io.lineside.alarms.KpiReport;
import io.lineside.alarms.LimitCondition;

import io.lineside.alarms.Priority;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine writing to the real H2 journal, and KPIs computed from what the journal gives back. */
class AlarmJournalKpiTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private static final TagPath TEMP = TagPath.parse("demo/assembly/line-1/press/temperature");

    @TempDir
    Path dir;

    @Test
    void kpisFromTheH2JournalMatchWhatTheEngineDid() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (HistoryDatabase db = HistoryDatabase.open(dir); AlarmJournalStore journal = new AlarmJournalStore(db)) {
            AlarmEngine engine = new AlarmEngine(List.of(AlarmDefinition.simple("P-TEMP-H", TEMP, Priority.LOW,
                    new LimitCondition(LimitCondition.Level.H, 50, 1))), journal, clock);
            long[] seq = {0};
            Runnable hot = () -> engine.onUpdate(new TagUpdate(TEMP, TagValue.good(60, clock.instant(), clock.instant(), ++seq[0])));
            Runnable cool = () -> engine.onUpdate(new TagUpdate(TEMP, TagValue.good(40, clock.instant(), clock.instant(), ++seq[0])));
            hot.run(); // 0 s: shown
            at(clock, engine, 30);
            engine.acknowledge("P-TEMP-H", "ana", "checking");
            at(clock, engine, 60);
            cool.run(); // acknowledged and cleared: normal
            for (int t : new int[] {120, 140, 160}) { // three times within 40 s: chattering
                at(clock, engine, t);
                hot.run();
                at(clock, engine, t + 5);
                cool.run();
            }
            at(clock, engine, 300);
            engine.shelve("P-TEMP-H", "ben", Duration.ofMinutes(10), "sensor check", false);
            at(clock, engine, 900); // the shelve expires
            assertEquals(AlarmState.NORMAL, engine.state("P-TEMP-H"));

            KpiReport k = AlarmKpis.compute(journal.query(JournalFilter.between(T0, T0.plusSeconds(3600))),
                    T0, T0.plusSeconds(3600));
            assertEquals(4, k.annunciations(), "at 0, 120, 140 and 160 s");
            assertEquals(4 / 6.0, k.averagePer10Minutes(), 1e-9);
            assertEquals(4, k.peakPer10Minutes(), "all in the first period");
            assertEquals(List.of("P-TEMP-H"), k.chattering());
            assertEquals(new KpiReport.AckTimes(1, Duration.ofSeconds(30), Duration.ofSeconds(30)), k.ackTimes());
            assertEquals(new KpiReport.HiddenTime(1, Duration.ofMinutes(10)), k.hidden().get(AlarmState.SHELVED));
            assertEquals(0, journal.failures());
        }
    }

    private static void at(MutableClock clock, AlarmEngine engine, int second) {
        clock.advance(Duration.between(clock.instant(), T0.plusSeconds(second)));
        engine.tick(clock.instant());
    }
}
