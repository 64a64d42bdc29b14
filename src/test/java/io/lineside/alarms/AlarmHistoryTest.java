package io.lineside.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One alarm's history against a journal written out by hand: which rows are its occurrences, who acknowledged each,
 * how many annunciations fall in the window and in the last 10 minutes, and the chattering verdict, which must be
 * the KPIs' own for the same rows.
 */
class AlarmHistoryTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration SHIFT = Duration.ofHours(8);

    private final List<AlarmEvent> rows = new ArrayList<>();

    private void row(String id, long secondsBeforeNow, AlarmTrigger t, AlarmState from, AlarmState to, String user,
                     String note) {
        rows.add(new AlarmEvent(NOW.minusSeconds(secondsBeforeNow), id, t, from, to, Priority.HIGH, "assembly",
                "demo/assembly/line-1/weld", "demo/assembly/line-1/weld/temperature", "231.0", user, note, "hot"));
    }

    private void journal() {
        String sys = AlarmEvent.SYSTEM;
        // before the window: not counted
        row("W-H", 9 * 3600, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, sys, "");
        row("W-H", 9 * 3600 - 60, AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, "night", "");
        row("W-H", 9 * 3600 - 120, AlarmTrigger.CLEAR, AlarmState.ACKED, AlarmState.NORMAL, sys, "");
        // occurrence 1: raised 10:20, acknowledged 10:21 by olga, returned 10:25
        row("W-H", 6000, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, sys, "");
        row("W-H", 5940, AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, "olga", "seen");
        row("W-H", 5700, AlarmTrigger.CLEAR, AlarmState.ACKED, AlarmState.NORMAL, sys, "");
        row("W-H", 5600, AlarmTrigger.COMMENT, AlarmState.NORMAL, AlarmState.NORMAL, "olga", "hose kinked");
        // occurrence 2: raised 11:30, acked 11:31 by sam, re-alarmed 11:40 (an annunciation, not a new occurrence),
        // returned 11:45, unacknowledged until sam at 11:46 (the first ack counts)
        row("W-H", 1800, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, sys, "");
        row("W-H", 1740, AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, "sam", "");
        row("W-H", 1200, AlarmTrigger.REALARM, AlarmState.ACKED, AlarmState.UNACK, sys, "");
        row("W-H", 900, AlarmTrigger.CLEAR, AlarmState.UNACK, AlarmState.RTN_UNACK, sys, "");
        row("W-H", 840, AlarmTrigger.ACK, AlarmState.RTN_UNACK, AlarmState.NORMAL, "sam", "");
        // occurrences 3-5: chattering, 11:51:00, 11:51:20, 11:51:40 (40 s first to third), the last still active
        row("W-H", 540, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, sys, "");
        row("W-H", 530, AlarmTrigger.CLEAR, AlarmState.UNACK, AlarmState.RTN_UNACK, sys, "");
        row("W-H", 520, AlarmTrigger.ACTIVATE, AlarmState.RTN_UNACK, AlarmState.UNACK, sys, "");
        row("W-H", 510, AlarmTrigger.CLEAR, AlarmState.UNACK, AlarmState.RTN_UNACK, sys, "");
        row("W-H", 500, AlarmTrigger.ACTIVATE, AlarmState.RTN_UNACK, AlarmState.UNACK, sys, "");
        row("W-H", 100, AlarmTrigger.COMMENT, AlarmState.UNACK, AlarmState.UNACK, "ana", "chatters: deadband?");
        // an alarm whose id contains this one's, and one with 3 annunciations 61 s apart first to third
        row("W-H-2", 300, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, sys, "");
        for (long s : new long[] {400, 370, 339}) {
            row("SLOW", s, AlarmTrigger.ACTIVATE, AlarmState.RTN_UNACK, AlarmState.UNACK, sys, "");
            row("SLOW", s - 5, AlarmTrigger.CLEAR, AlarmState.UNACK, AlarmState.RTN_UNACK, sys, "");
        }
    }

    private static Instant at(String hhmmss) {
        return Instant.parse("2026-11-26T" + hhmmss + "Z");
    }

    @Test
    void occurrencesCountsAndChatteringFromAHandWrittenJournal() {
        journal();
        AlarmHistory h = AlarmHistory.of("W-H", rows, NOW, SHIFT);
        // annunciations in 8 h: 10:20, 11:30, 11:40 (re-alarm), 11:51:00, 11:51:20, 11:51:40; in 10 min: the last 3
        assertEquals(6, h.inWindow());
        assertEquals(3, h.lastTenMinutes());
        assertTrue(h.chattering());
        assertEquals(List.of(
                new AlarmHistory.Occurrence(at("11:51:40"), null, null, ""),
                new AlarmHistory.Occurrence(at("11:51:20"), at("11:51:30"), null, ""),
                new AlarmHistory.Occurrence(at("11:51:00"), at("11:51:10"), null, ""),
                new AlarmHistory.Occurrence(at("11:30:00"), at("11:45:00"), at("11:31:00"), "sam"),
                new AlarmHistory.Occurrence(at("10:20:00"), at("10:25:00"), at("10:21:00"), "olga")),
                h.occurrences());
        assertEquals(List.of("chatters: deadband?", "hose kinked"), h.comments().stream().map(AlarmEvent::note)
                .toList(), "newest first");

        AlarmHistory slow = AlarmHistory.of("SLOW", rows, NOW, SHIFT);
        assertEquals(3, slow.inWindow());
        assertFalse(slow.chattering(), "61 s from first to third is not chattering");
        assertEquals(1, AlarmHistory.of("W-H-2", rows, NOW, SHIFT).inWindow());
    }

    @Test
    void theChatteringVerdictIsTheKpisOwn() {
        journal();
        KpiReport kpis = AlarmKpis.compute(rows, NOW.minus(SHIFT), NOW.plusMillis(1));
        for (String id : List.of("W-H", "SLOW", "W-H-2")) {
            assertEquals(kpis.chattering().contains(id), AlarmHistory.of(id, rows, NOW, SHIFT).chattering(), id);
        }
        assertEquals(List.of("W-H"), kpis.chattering());
    }

    @Test
    void onlyTheLastFiveOccurrencesAndThreeCommentsAreKept() {
        for (int i = 0; i < 8; i++) {
            row("W-H", 3600 - i * 300, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, AlarmEvent.SYSTEM,
                    "");
            row("W-H", 3600 - i * 300 - 10, AlarmTrigger.COMMENT, AlarmState.UNACK, AlarmState.UNACK, "olga",
                    "c" + i);
        }
        AlarmHistory h = AlarmHistory.of("W-H", rows, NOW, SHIFT);
        assertEquals(8, h.inWindow());
        assertEquals(AlarmHistory.SHOWN, h.occurrences().size());
        assertEquals(NOW.minusSeconds(3600 - 7 * 300), h.occurrences().getFirst().raised());
        assertEquals(List.of("c7", "c6", "c5"), h.comments().stream().map(AlarmEvent::note).toList());
    }
}
