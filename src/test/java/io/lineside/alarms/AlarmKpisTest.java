package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KPIs over a hand-built journal of one hour, with the arithmetic spelled out next to each expectation. */
class AlarmKpisTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofHours(1));
    private final List<AlarmEvent> rows = new ArrayList<>();

    private void row(Duration at, String id, Priority p, AlarmTrigger trigger, AlarmState from, AlarmState to) {
        rows.add(new AlarmEvent(T0.plus(at), id, trigger, from, to, p, "assembly", "demo/assembly/line-1/press",
                "demo/assembly/line-1/press/t", "1.0", AlarmEvent.SYSTEM, "", id));
    }

    private void shown(Duration at, String id, Priority p) {
        row(at, id, p, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK);
    }

    private void acked(Duration at, String id, Priority p) {
        row(at, id, p, AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED);
    }

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private KpiReport oneHour() {
        // Period 0 (0-10 min): CHAT shown at 0 s, 20 s, 50 s (3 within 50 s: chattering) and at 5 min; acked after 10 s.
        shown(s(0), "CHAT", Priority.LOW);
        acked(s(10), "CHAT", Priority.LOW);
        shown(s(20), "CHAT", Priority.LOW);
        shown(s(50), "CHAT", Priority.LOW);
        shown(m(5), "CHAT", Priority.LOW);
        // Period 1 (10-20 min): 11 different alarms every 30 s from 10:00 to 15:00, a flood. F1-F8 Low, F9-F10
        // Medium, F11 High.
        for (int i = 1; i <= 11; i++) {
            shown(m(10).plus(s(30L * (i - 1))), "F" + i, i <= 8 ? Priority.LOW : i <= 10 ? Priority.MEDIUM : Priority.HIGH);
        }
        // Period 3 (30-40 min): SLOW (High) acked after 2 min; CRIT (Critical) acked after 30 s.
        shown(m(30), "SLOW", Priority.HIGH);
        acked(m(32), "SLOW", Priority.HIGH);
        shown(m(35), "CRIT", Priority.CRITICAL);
        acked(m(35).plus(s(30)), "CRIT", Priority.CRITICAL);
        // Period 5 (50-60 min): a Diagnostic alarm, counted but left out of the operator's priority mix.
        shown(m(55), "DIAG", Priority.DIAGNOSTIC);
        // Outside the range: shown exactly at the (exclusive) end, and an old one active for 30 h (acked long ago).
        shown(m(60), "CHAT", Priority.LOW);
        shown(Duration.ofHours(-30), "OLD", Priority.MEDIUM);
        acked(Duration.ofHours(-29), "OLD", Priority.MEDIUM);
        // DAY is active 23 h 50 min, clearing inside the range: not stale.
        row(Duration.ofHours(-23).minus(m(30)), "DAY", Priority.LOW, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK);
        row(m(20), "DAY", Priority.LOW, AlarmTrigger.CLEAR, AlarmState.UNACK, AlarmState.RTN_UNACK);
        // Shelved: SHELF from -10 min to 15 min (15 min inside), SHELF2 from 50 min to the end (10 min): 1 entry, 25 min.
        row(m(-10), "SHELF", Priority.LOW, AlarmTrigger.SHELVE, AlarmState.NORMAL, AlarmState.SHELVED);
        row(m(15), "SHELF", Priority.LOW, AlarmTrigger.UNSHELVE, AlarmState.SHELVED, AlarmState.NORMAL);
        row(m(50), "SHELF2", Priority.LOW, AlarmTrigger.SHELVE, AlarmState.NORMAL, AlarmState.SHELVED);
        // Suppressed from 40 to 45 min; a condition change while suppressed does not end it.
        row(m(40), "SUP", Priority.LOW, AlarmTrigger.SUPPRESS, AlarmState.NORMAL, AlarmState.SUPPRESSED);
        row(m(42), "SUP", Priority.LOW, AlarmTrigger.ACTIVATE, AlarmState.SUPPRESSED, AlarmState.SUPPRESSED);
        row(m(45), "SUP", Priority.LOW, AlarmTrigger.UNSUPPRESS, AlarmState.SUPPRESSED, AlarmState.UNACK);
        return AlarmKpis.compute(rows, T0, T1);
    }

    @Test
    void ratesPeakAndFloodShareAreCountedPerTenMinutePeriod() {
        KpiReport k = oneHour();
        // In range: CHAT 4 + F 11 + SLOW + CRIT + DIAG = 18 (the SUP row leaves SUPPRESSED, it is not an activation)
        assertEquals(18, k.annunciations());
        assertEquals(18 / 6.0, k.averagePer10Minutes(), 1e-9, "6 periods in an hour");
        assertEquals(11, k.peakPer10Minutes(), "period 1");
        assertEquals(100.0 / 6, k.percentInFlood(), 1e-9, "1 of 6 periods has more than 10");
    }

    @Test
    void chatteringStaleAndBadActorsNameTheAlarms() {
        KpiReport k = oneHour();
        assertEquals(List.of("CHAT"), k.chattering());
        assertEquals(List.of("OLD"), k.stale(), "OLD: 31 h active at the end; DAY: 23 h 50 min");
        // CHAT 4, then every other alarm once, by id
        assertEquals(List.of("CHAT=4", "CRIT=1", "DIAG=1", "F1=1", "F10=1", "F11=1", "F2=1", "F3=1", "F4=1", "F5=1"),
                k.badActors().stream().map(b -> b.alarmId() + "=" + b.count()).toList());
    }

    @Test
    void priorityMixIsMeasuredAgainstTheTargetWithoutDiagnostics() {
        KpiReport.PriorityMix mix = oneHour().priorityMix();
        assertEquals(Map.of(Priority.LOW, 12, Priority.MEDIUM, 2, Priority.HIGH, 2, Priority.CRITICAL, 1,
                Priority.DIAGNOSTIC, 1), mix.counts(), "Low: CHAT 4 + F1-F8; High: F11 + SLOW");
        // 17 operator alarms: 12/17 Low, 2/17 Medium, (2 + 1)/17 High and Critical
        assertEquals(100.0 * 12 / 17, mix.lowPercent(), 1e-9);
        assertEquals(100.0 * 2 / 17, mix.mediumPercent(), 1e-9);
        assertEquals(100.0 * 3 / 17, mix.highPercent(), 1e-9);
    }

    @Test
    void timeToAcknowledgeCountsOnlyAcknowledgementsInTheRange() {
        KpiReport.AckTimes ack = oneHour().ackTimes();
        assertEquals(3, ack.count(), "CHAT, SLOW, CRIT; OLD's ack was 29 h ago");
        assertEquals(Duration.ofSeconds(10 + 120 + 30).dividedBy(3), ack.average(), "160 s / 3");
        assertEquals(Duration.ofMinutes(2), ack.longest());
    }

    @Test
    void shelvedSuppressedAndOutOfServiceAreCountedAndTimedWithinTheRange() {
        KpiReport k = oneHour();
        assertEquals(new KpiReport.HiddenTime(1, Duration.ofMinutes(15 + 10)), k.hidden().get(AlarmState.SHELVED),
                "SHELF entered before the range: its 15 min count, the entry does not");
        assertEquals(new KpiReport.HiddenTime(1, Duration.ofMinutes(5)), k.hidden().get(AlarmState.SUPPRESSED));
        assertEquals(new KpiReport.HiddenTime(0, Duration.ZERO), k.hidden().get(AlarmState.OUT_OF_SERVICE));
    }

    @Test
    void aPartialLastPeriodCountsAsAPeriod() {
        shown(s(0), "A", Priority.LOW);
        shown(m(12), "A", Priority.LOW);
        KpiReport k = AlarmKpis.compute(rows, T0, T0.plus(m(15)));
        assertEquals(1.0, k.averagePer10Minutes(), 1e-9, "2 alarms over 2 periods (10 min + 5 min)");
        assertEquals(0.0, k.percentInFlood());
    }
}
