package io.lineside.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmReplay;
import io.lineside.alarms.ReplayedAlarm;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.ReplayHistory;
import io.lineside.history.ReplayRecording;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import static io.lineside.replay.ReplayShift.*;

/**
 * A hand-written shift recorded into a real H2 file through the real writer (hours folded into packed blocks),
 * then replayed: each chosen instant must show what the live view showed then.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplaySourceTest {

    @TempDir
    static Path dir;
    HistoryDatabase db;
    ReplaySource replay;
    ReplayRecording recording;

    @BeforeAll
    void record() throws Exception {
        db = HistoryDatabase.open(dir);
        ReplayShift.record(db);
        recording = new ReplayHistory(db).load(SIX, at("08:00:00"));
        replay = new ReplaySource(recording, new AlarmReplay(recording.alarmsBefore(), recording.alarmEvents(),
                id -> null));
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void theWindowStartsInTheValuesAndAlarmsRecordedBeforeIt() {
        ReplayFrame f = replay.frame(SIX);
        assertEquals(60.0, f.value(TEMP).number(), "06:00:00 exactly is its own sample");
        assertEquals(Quality.GOOD, f.value(TEMP).quality());
        assertEquals("RUNNING", f.value(STATE).value(), "from 05:55, before the window");
        assertEquals(3.5, f.value(PRESSURE).number());
        assertEquals(Duration.ofMinutes(5).minus(RECV), f.age(PRESSURE), "age since it was received");
        assertNull(f.value(LATE_TAG), "no value before its first sample");
        assertEquals(List.of("ST10-TEMP-HI:UNACK"), states(f), "active since 05:58");
        assertEquals(0, f.banner().alarms().size(), "an alarm no longer configured is listed, not bannered");
    }

    @Test
    void aBadMessageShowsBadUntilTheNextGoodOne() {
        TagValue bad = replay.frame(at("06:20:30")).value(PRESSURE);
        assertEquals(Quality.BAD, bad.quality());
        assertNull(bad.value());
        assertEquals(Quality.GOOD, replay.frame(at("06:25:00")).value(PRESSURE).quality());
        assertEquals(3.75, replay.frame(at("06:29:59")).value(PRESSURE).number());
    }

    @Test
    void aGapShowsTheLastValueStaleUntilTelemetryReturns() {
        TagValue inGap = replay.frame(at("06:32:00")).value(TEMP);
        assertEquals(Quality.STALE, inGap.quality());
        assertEquals(240.0, inGap.number(), "the value of 06:30:00 is held");
        assertEquals(Duration.ofMinutes(2).minus(RECV), replay.frame(at("06:32:00")).age(TEMP));
        assertEquals(Quality.GOOD, replay.frame(at("06:30:00")).value(TEMP).quality(), "the gap's first sample");
        TagValue after = replay.frame(at("06:35:00")).value(TEMP);
        assertEquals(Quality.GOOD, after.quality());
        assertEquals(270.0, after.number());
    }

    @Test
    void aWatchdogStaleMarkAndALostLinkShowStale() {
        assertEquals(Quality.STALE, replay.frame(at("07:00:30")).value(TEMP).quality());
        assertEquals(Quality.GOOD, replay.frame(at("07:01:00")).value(TEMP).quality());
        ReplayFrame lost = replay.frame(at("07:11:00"));
        for (TagPath p : List.of(TEMP, PRESSURE, STATE, LATE_TAG)) {
            assertEquals(Quality.STALE, lost.value(p).quality(), p + " while the broker link was lost");
        }
        assertEquals(Quality.GOOD, replay.frame(at("07:12:30")).value(TEMP).quality());
        assertEquals(Quality.GOOD, replay.frame(at("07:12:30")).value(STATE).quality(), "held state, fresh link");
    }

    @Test
    void alarmsCarryTheirStatesAndWhoActedOnThem() {
        ReplayFrame raised = replay.frame(at("06:41:00"));
        assertEquals("FAULT", raised.value(STATE).value());
        assertEquals(List.of("ST10-FAULT:UNACK", "ST10-TEMP-HI:SHELVED"), states(raised));
        ReplayedAlarm shelved = raised.alarms().get(1);
        assertEquals("bob", shelved.shelvedBy());
        assertEquals("Maintenance", shelved.shelveReason());
        assertEquals(at("07:10:00"), shelved.shelvedUntil());
        assertEquals(1, raised.banner().shelved());

        ReplayFrame acked = replay.frame(at("06:43:00"));
        assertEquals("ST10-FAULT:ACKED", states(acked).get(0));
        assertEquals("alice", acked.alarms().get(0).ackedBy());
        assertEquals(at("06:42:00"), acked.alarms().get(0).ackedAt());

        ReplayFrame back = replay.frame(at("06:51:00"));
        assertEquals(List.of("ST10-TEMP-HI:SHELVED"), states(back), "the fault returned to normal");
        assertEquals("RUNNING", back.value(STATE).value());
        assertEquals(List.of(), states(replay.frame(at("07:20:00"))), "unshelved into normal");
        assertEquals(21.5, back.value(LATE_TAG).number());
    }

    @Test
    void stepsStopAtAlarmsStateChangesAndLostLinks() {
        ReplayMark next = replay.next(at("06:39:00"));
        assertEquals(at("06:40:00"), next.time());
        assertEquals(ReplayMark.Kind.ALARM, next.kind());
        assertEquals("ST10-FAULT", next.source());
        assertEquals(ReplayMark.Kind.STATE, replay.marks().get(replay.marks().indexOf(next) + 1).kind(),
                "the station's FAULT at the same instant");
        assertEquals("alice", replay.next(at("06:40:00")).detail(), "then the ack, by whom");
        assertEquals(at("06:50:00"), replay.previous(at("06:51:00")).time());
        assertTrue(replay.marks().stream().anyMatch(m -> m.kind() == ReplayMark.Kind.LINK_LOST
                && m.time().equals(at("07:10:00"))));
        assertTrue(replay.marks().stream().noneMatch(m -> m.time().isBefore(SIX)), "only the window's marks");
    }

    @Test
    void theFeedAppliesOnlyWhatChangedAndForgetsTagsScrubbedBeforeTheirStart() {
        ReplayFeed feed = new ReplayFeed(new TagStore());
        assertEquals(4, feed.show(replay.frame(at("06:46:00"))));
        assertEquals(0, feed.show(replay.frame(at("06:46:05"))), "nothing new in 5 s");
        assertEquals(1, feed.show(replay.frame(at("06:46:10"))), "the 10 s temperature");
        feed.show(replay.frame(at("06:10:00")));
        assertEquals(Quality.BAD, feed.store().get(LATE_TAG).quality(), "before its first sample: nothing usable");
        assertNull(feed.store().get(LATE_TAG).value());
    }

    @Test
    void instantsOutsideTheWindowAreClamped() {
        assertEquals(SIX, replay.frame(at("05:00:00")).at());
        assertEquals(at("08:00:00"), replay.frame(at("09:00:00")).at());
        assertEquals(600.0, replay.frame(at("09:00:00")).value(TEMP).number(), "the last sample, 07:30");
    }

    private static List<String> states(ReplayFrame f) {
        return f.alarms().stream().map(a -> a.id() + ":" + a.state()).toList();
    }

}
