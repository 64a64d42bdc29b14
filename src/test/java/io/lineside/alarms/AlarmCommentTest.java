package io.lineside.alarms;

import static io.lineside.alarms.EngineFixture.TEMP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operator's comment on an alarm: accepted in every state, journalled as its own COMMENT row (from == to) with
 * the user and the text, and changes nothing else: no transition, no annunciation, no KPI count, no restore.
 */
class AlarmCommentTest {

    private final EngineFixture f = new EngineFixture(EngineFixture.high("T-H", 200, 0));

    private AlarmEvent lastRow() {
        return f.journal.of("T-H").getLast();
    }

    @Test
    void aCommentIsJournalledInEveryStateAndChangesNothing() {
        f.set(TEMP, 250); // UNACK
        assertTrue(f.engine.comment("T-H", "olga", "  coolant valve found half closed  "));
        AlarmEvent unacked = lastRow();
        assertEquals(AlarmTrigger.COMMENT, unacked.trigger());
        assertEquals(AlarmState.UNACK, unacked.from());
        assertEquals(AlarmState.UNACK, unacked.to());
        assertEquals("olga", unacked.user());
        assertEquals("coolant valve found half closed", unacked.note());
        assertEquals(EngineFixture.T0, unacked.time());
        assertEquals("250.0", unacked.value());
        assertFalse(unacked.annunciation());
        assertEquals(AlarmState.UNACK, f.state("T-H"));

        f.advance(5);
        f.engine.acknowledge("T-H", "olga", "seen");
        f.engine.comment("T-H", "olga", "valve opened");
        assertEquals(List.of(AlarmState.ACKED, AlarmState.ACKED), List.of(lastRow().from(), lastRow().to()));
        f.advance(5);
        f.set(TEMP, 100); // back to normal after the ack: NORMAL
        f.engine.comment("T-H", "sam", "after the fact: hose kinked");
        assertEquals(AlarmState.NORMAL, lastRow().to());
        f.set(TEMP, 250);
        f.set(TEMP, 100); // RTN_UNACK
        f.engine.comment("T-H", "sam", "returned before anyone looked");
        assertEquals(AlarmState.RTN_UNACK, lastRow().to());
        assertEquals(AlarmState.RTN_UNACK, f.state("T-H"));

        List<AlarmEvent> rows = f.journal.of("T-H");
        assertEquals(4, rows.stream().filter(e -> e.trigger() == AlarmTrigger.COMMENT).count());
        KpiReport kpis = AlarmKpis.compute(rows, EngineFixture.T0, EngineFixture.T0.plusSeconds(600));
        assertEquals(2, kpis.annunciations(), "comments are not annunciations");
        assertEquals(1, kpis.ackTimes().count(), "nor acknowledgements");
    }

    @Test
    void aBlankOrOverLongCommentOrAMissingUserIsRefused() {
        f.set(TEMP, 250);
        int rows = f.journal.events.size();
        assertThrows(IllegalArgumentException.class, () -> f.engine.comment("T-H", "olga", "  "));
        assertThrows(IllegalArgumentException.class, () -> f.engine.comment("T-H", "olga",
                "x".repeat(AlarmEngine.MAX_COMMENT + 1)));
        assertThrows(IllegalArgumentException.class, () -> f.engine.comment("T-H", " ", "text"));
        assertThrows(IllegalArgumentException.class, () -> f.engine.comment("NOPE", "olga", "text"));
        assertEquals(rows, f.journal.events.size());
    }

    @Test
    void theNewestRowBeingACommentDoesNotChangeWhatARestartRestores() throws Exception {
        f.set(TEMP, 250); // UNACK at T0
        f.advance(10);
        f.engine.comment("T-H", "olga", "looking at it"); // at T0+10
        // a late value, measured at T0+5, evaluated after the comment: the return is journalled at the comment's
        // time (never before an alarm's last row), a tie with the comment
        java.time.Instant measured = EngineFixture.T0.plusSeconds(5);
        f.engine.onUpdate(new io.lineside.tags.TagUpdate(TEMP, io.lineside.tags.TagValue.good(100, measured,
                measured, 99)), measured);
        assertEquals(AlarmState.RTN_UNACK, f.state("T-H"));
        AlarmEvent clear = lastRow();
        assertEquals(AlarmTrigger.CLEAR, clear.trigger());
        assertEquals(EngineFixture.T0.plusSeconds(10), clear.time(), "not before the comment");

        EngineFixture restarted = new EngineFixture(EngineFixture.high("T-H", 200, 0));
        assertEquals(1, restarted.engine.restore(f.journal.latestPerTrigger()));
        assertEquals(AlarmState.RTN_UNACK, restarted.state("T-H"), "the comment's UNACK is not a state to restore");
        assertTrue(restarted.journal.of("T-H").getLast().note().contains("last event CLEAR"),
                restarted.journal.of("T-H").getLast().note());
    }
}
