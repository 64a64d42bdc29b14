package io.lineside.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.KpiReport;
import io.lineside.alarms.Priority;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KPI figures against a journal in a real H2 file whose figures are worked out by hand below: "last 24 hours" ends
 * now, a shift still running counts to now (not to its end in the future), and rates average over the 10-minute
 * periods the workstation was recording, not over the hours it was off.
 *
 * <p>The journal (now = 18:00 on 23 Nov): the workstation ran 06:00-07:00 and 17:30-18:00 only.
 * 06:00-07:00: 15 annunciations in each of its 6 periods = 90 (each period a flood: more than 10).
 * 17:30-18:00: 3 in each of its 3 periods = 9. Total 99 annunciations in 6 + 3 = 9 recorded periods.
 * Plus rows that must not count: 5 RESTORE rows at 17:30 (from == to) and one annunciation at 18:30, after now.
 */
class KpiFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");
    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path dir;
    private HistoryDatabase db;
    private AlarmJournalStore journal;

    @BeforeEach
    void journal() throws Exception {
        db = HistoryDatabase.open(dir);
        journal = new AlarmJournalStore(db);
        Instant morning = Instant.parse("2026-11-23T06:00:00Z");
        Instant evening = Instant.parse("2026-11-23T17:30:00Z");
        journal.recording(morning, morning.plus(Duration.ofHours(1)));
        journal.recording(evening, NOW);
        int n = 0;
        for (int p = 0; p < 6; p++) {
            for (int k = 0; k < 15; k++) {
                journal.append(shown(morning.plus(Duration.ofMinutes(10L * p)).plusSeconds(30L * k), "M" + n++));
            }
        }
        for (int p = 0; p < 3; p++) {
            for (int k = 0; k < 3; k++) {
                journal.append(shown(evening.plus(Duration.ofMinutes(10L * p)).plusSeconds(60L * k), "E" + n++));
            }
        }
        for (int i = 0; i < 5; i++) {
            journal.append(event(evening, "M" + i, AlarmTrigger.RESTORE, AlarmState.UNACK, AlarmState.UNACK));
        }
        journal.append(shown(NOW.plus(Duration.ofMinutes(30)), "FUTURE"));
    }

    @AfterEach
    void close() {
        journal.close();
        db.close();
    }

    @Test
    void lastTwentyFourHoursAveragesOverTheRecordedPeriodsOnly() {
        KpiReport r = compute(model -> model.compute(ReviewRange.LAST_24_HOURS));
        assertEquals(NOW, r.to(), "ends now");
        assertEquals(99, r.annunciations(), "90 + 9; RESTORE rows and the row after now do not count");
        // 99 / 9 recorded periods = 11.0 (over all 144 periods of the day it would be 0.69)
        assertEquals(11.0, r.averagePer10Minutes(), 1e-9);
        assertEquals(15, r.peakPer10Minutes());
        // 6 flooded periods of 9 recorded = 66.67 %
        assertEquals(100.0 * 6 / 9, r.percentInFlood(), 1e-9);
    }

    @Test
    void aShiftStillRunningCountsToNowNotToItsEnd() {
        Instant shiftStart = Instant.parse("2026-11-23T14:00:00Z");
        Instant shiftEnd = Instant.parse("2026-11-23T22:00:00Z");
        KpiReport r = compute(model -> model.compute(shiftStart, shiftEnd));
        assertEquals(NOW, r.to());
        assertEquals(9, r.annunciations(), "the evening's 9; the 18:30 row lies after now");
        // 9 over the 3 recorded periods 17:30-18:00 = 3.0; none is a flood
        assertEquals(3.0, r.averagePer10Minutes(), 1e-9);
        assertEquals(0.0, r.percentInFlood(), 1e-9);
    }

    @Test
    void aRangeThatHasNotStartedComputesNothing() {
        KpiViewModel model = new KpiViewModel(journal, SAME_THREAD, SAME_THREAD, Texts.forLocale(Locale.ENGLISH),
                Clock.fixed(NOW, ZoneOffset.UTC));
        model.compute(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(9)));
        assertEquals(null, model.reportProperty().get());
        assertEquals(Texts.forLocale(Locale.ENGLISH).get("kpi.notStarted"), model.messageProperty().get());
    }

    private KpiReport compute(java.util.function.Consumer<KpiViewModel> how) {
        KpiViewModel model = new KpiViewModel(journal, SAME_THREAD, SAME_THREAD, Texts.forLocale(Locale.ENGLISH),
                Clock.fixed(NOW, ZoneOffset.UTC));
        how.accept(model);
        assertEquals("", model.messageProperty().get());
        return model.reportProperty().get();
    }

    private static AlarmEvent shown(Instant at, String id) {
        return event(at, id, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK);
    }

    private static AlarmEvent event(Instant at, String id, AlarmTrigger t, AlarmState from, AlarmState to) {
        return new AlarmEvent(at, id, t, from, to, Priority.LOW, "assembly", "demo/assembly/line-1/press",
                "demo/assembly/line-1/press/t", "1", AlarmEvent.SYSTEM, "", id);
    }
}
