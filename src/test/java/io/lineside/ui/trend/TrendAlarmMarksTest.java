package io.lineside.ui.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.DiscreteCondition;
import io.lineside.alarms.Priority;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.ui.Texts;
import io.lineside.ui.trend.TrendAlarmMark;
import io.lineside.ui.trend.TrendRange;
import io.lineside.ui.trend.TrendSource;
import io.lineside.ui.trend.TrendViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal events become a trend's alarm marks: occurrences with activation, return, acknowledgement and end, only
 * for the pens' tags, read from a real H2 journal once per window and margin until a new event arrives.
 */
class TrendAlarmMarksTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    private static final TagPath TEMP = PRESS.signal("temperature");
    private static final TagPath SPEED = PRESS.signal("speed");

    @TempDir
    Path dir;
    private HistoryDatabase db;
    private AlarmJournalStore journal;

    @BeforeEach
    void open() throws Exception {
        db = HistoryDatabase.open(dir);
        journal = new AlarmJournalStore(db);
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
        db.close();
    }

    static AlarmEvent event(int second, String id, TagPath tag, AlarmTrigger trigger, AlarmState from, AlarmState to,
                            Priority p, String user) {
        return new AlarmEvent(T0.plusSeconds(second), id, trigger, from, to, p, "assembly", PRESS.toString(),
                tag.toString(), "", user, "", id + " message");
    }

    /** HIGH on temperature: active 60 s, acked at 90 by olga, returned at 120 (normal). */
    private static List<AlarmEvent> highOccurrence(int at) {
        return List.of(
                event(at, "TEMP-H", TEMP, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.HIGH, "system"),
                event(at + 30, "TEMP-H", TEMP, AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, Priority.HIGH, "olga"),
                event(at + 60, "TEMP-H", TEMP, AlarmTrigger.CLEAR, AlarmState.ACKED, AlarmState.NORMAL, Priority.HIGH, "system"));
    }

    @Test
    void eventsBecomeOccurrencesWithActivationReturnAckAndEnd() {
        List<AlarmEvent> events = new java.util.ArrayList<>(highOccurrence(60));
        events.add(event(100, "SPEED-L", SPEED, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.CRITICAL, "system"));
        events.add(event(130, "SPEED-L", SPEED, AlarmTrigger.CLEAR, AlarmState.UNACK, AlarmState.RTN_UNACK, Priority.CRITICAL, "system"));
        events.add(event(140, "SPEED-L", SPEED, AlarmTrigger.COMMENT, AlarmState.RTN_UNACK, AlarmState.RTN_UNACK, Priority.CRITICAL, "wang"));
        events.add(event(170, "SPEED-L", SPEED, AlarmTrigger.ACK, AlarmState.RTN_UNACK, AlarmState.NORMAL, Priority.CRITICAL, "wang"));
        events.addAll(highOccurrence(300).stream().toList()); // the same alarm again: a second occurrence
        events.add(event(400, "OTHER", PRESS.signal("cycles"), AlarmTrigger.ACTIVATE, AlarmState.NORMAL,
                AlarmState.UNACK, Priority.LOW, "system"));
        List<TrendAlarmMark> marks = TrendAlarmMark.of(events, Set.of(TEMP, SPEED));
        assertEquals(3, marks.size(), "cycles is not a pen: " + marks);
        TrendAlarmMark high = marks.get(0);
        assertEquals(new TrendAlarmMark("TEMP-H", "TEMP-H message", Priority.HIGH, TEMP, T0.plusSeconds(60),
                T0.plusSeconds(120), T0.plusSeconds(90), "olga", T0.plusSeconds(120)), high);
        TrendAlarmMark speed = marks.get(1);
        assertEquals(T0.plusSeconds(100), speed.activated());
        assertEquals(T0.plusSeconds(130), speed.returned());
        assertEquals(T0.plusSeconds(170), speed.acked());
        assertEquals("wang", speed.ackedBy());
        assertEquals(T0.plusSeconds(170), speed.ended(), "acknowledged after its return: over");
        assertEquals(T0.plusSeconds(300), marks.get(2).activated());
    }

    @Test
    void anOccurrenceBegunBeforeTheEventsOrStillOpenHasNoSuchEnd() {
        List<AlarmEvent> events = List.of(
                event(10, "TEMP-H", TEMP, AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, Priority.HIGH, "olga"),
                event(20, "TEMP-H", TEMP, AlarmTrigger.CLEAR, AlarmState.ACKED, AlarmState.NORMAL, Priority.HIGH, "system"),
                event(30, "SPEED-L", SPEED, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.LOW, "system"),
                event(40, "SPEED-L", SPEED, AlarmTrigger.SHELVE, AlarmState.UNACK, AlarmState.SHELVED, Priority.LOW, "olga"),
                event(50, "SPEED-M", SPEED, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.MEDIUM, "system"));
        List<TrendAlarmMark> marks = TrendAlarmMark.of(events, Set.of(TEMP, SPEED));
        assertEquals(3, marks.size());
        assertNull(marks.get(0).activated(), "annunciated before the events read");
        assertEquals(T0.plusSeconds(10), marks.get(0).start());
        assertEquals(T0.plusSeconds(20), marks.get(0).ended());
        assertEquals(T0.plusSeconds(40), marks.get(1).ended(), "shelving hides it: its mark ends there");
        assertNull(marks.get(2).ended(), "still active");
        TrendRange range = new TrendRange(T0, T0.plusSeconds(60));
        assertTrue(marks.get(2).covers(T0.plusSeconds(59), range));
        assertTrue(!marks.get(1).covers(T0.plusSeconds(45), range));
    }

    @Test
    void aMovingLiveWindowReadsTheJournalOnceAndANewEventReadsItAgain() throws Exception {
        highOccurrence(60).forEach(journal::append);
        TrendAlarmMarks marks = new TrendAlarmMarks(journal, journal::appended, List.of(definition()),
                Texts.forLocale(Locale.SIMPLIFIED_CHINESE));
        TrendRange window = TrendRange.ending(T0.plusSeconds(600), Duration.ofMinutes(10));
        List<TrendAlarmMark> first = marks.marks(List.of(TEMP), window);
        assertEquals(1, first.size());
        assertEquals("\u538b\u673a\u6e29\u5ea6\u9ad8", first.getFirst().message(), "the definition's, in the UI language");
        for (int s = 1; s <= 30; s++) {
            assertEquals(first, marks.marks(List.of(TEMP), window.endingAt(T0.plusSeconds(600 + s))));
        }
        assertEquals(1, marks.reads(), "30 live refreshes within the margin: no new read");
        journal.append(event(700, "TEMP-H", TEMP, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK,
                Priority.HIGH, "system"));
        List<TrendAlarmMark> after = marks.marks(List.of(TEMP), window.endingAt(T0.plusSeconds(710)));
        assertEquals(2, marks.reads(), "a new journal event");
        assertEquals(2, after.size());
        assertNull(after.get(1).ended());
        marks.marks(List.of(TEMP), new TrendRange(T0.minusSeconds(7200), T0.minusSeconds(6600)));
        assertEquals(3, marks.reads(), "a window outside the margin");
        assertEquals(List.of(), marks.marks(List.of(SPEED), window.endingAt(T0.plusSeconds(710))),
                "another pen, no alarms");
    }

    @Test
    void aHistoricalTrendRereadsItsMarksWhenTheJournalGrowsAndOnlyThen() throws Exception {
        highOccurrence(60).forEach(journal::append);
        TrendAlarmMarks source = new TrendAlarmMarks(journal, journal::appended, List.of(definition()),
                Texts.forLocale(Locale.ENGLISH));
        TrendViewModel trend = new TrendViewModel(TrendSource.of(new HistoryQuery(db)), Runnable::run, Runnable::run,
                Texts.forLocale(Locale.ENGLISH), ZoneOffset.UTC);
        trend.setAlarmMarks(source);
        trend.show(List.of(TEMP), T0, T0.plusSeconds(900), "press");
        assertEquals(1, trend.dataProperty().get().alarms().size());
        trend.pulse(T0.plusSeconds(2000));
        trend.pulse(T0.plusSeconds(2010));
        assertEquals(1, source.reads(), "nothing new: no query per pulse");
        journal.append(event(500, "TEMP-H", TEMP, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK,
                Priority.HIGH, "system"));
        trend.pulse(T0.plusSeconds(2020));
        assertEquals(2, source.reads());
        assertEquals(2, trend.dataProperty().get().alarms().size(), "the new occurrence is marked");
        trend.pulse(T0.plusSeconds(2030));
        assertEquals(2, source.reads());
        trend.dispose();
    }

    private static AlarmDefinition definition() {
        return new AlarmDefinition("TEMP-H", TEMP, PRESS, Priority.HIGH, new DiscreteCondition("x", null),
                Duration.ZERO, Duration.ZERO, false, Duration.ZERO, Duration.ofHours(8),
                Map.of("en", "Press temperature high", "zh-CN", "\u538b\u673a\u6e29\u5ea6\u9ad8"), Optional.empty(),
                Optional.empty());
    }
}
