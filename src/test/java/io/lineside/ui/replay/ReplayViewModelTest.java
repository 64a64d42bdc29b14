package io.lineside.ui.replay;

import static io.lineside.replay.ReplayShift.LATE_TAG;
import static io.lineside.replay.ReplayShift.SIX;
import static io.lineside.replay.ReplayShift.STATE;
import static io.lineside.replay.ReplayShift.TEMP;
import static io.lineside.replay.ReplayShift.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmReplay;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.ReplayHistory;
import io.lineside.history.ReplayRecording;
import io.lineside.replay.ReplayShift;
import io.lineside.replay.ReplaySource;
import io.lineside.tags.Quality;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The replay player without the toolkit: same-thread executors, the shift of {@link ReplayShift} in real H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayViewModelTest {

    @TempDir
    static Path dir;
    HistoryDatabase db;
    final Executor now = Runnable::run;
    final Texts texts = Texts.forLocale(Locale.ENGLISH);

    @BeforeAll
    void record() throws Exception {
        db = HistoryDatabase.open(dir);
        ReplayShift.record(db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private ReplaySource load(Instant from, Instant to) throws Exception {
        ReplayRecording r = new ReplayHistory(db).load(from, to);
        return new ReplaySource(r, new AlarmReplay(r.alarmsBefore(), r.alarmEvents(), id -> null));
    }

    private ReplayViewModel loaded(Instant at) {
        ReplayViewModel model = new ReplayViewModel(this::load, now, now, texts, ZoneOffset.UTC);
        model.load(SIX, at("08:00:00"), at);
        return model;
    }

    @Test
    void theCursorsInstantReachesTheReplayStoreAndTheReceivers() {
        ReplayViewModel model = loaded(at("06:32:00"));
        List<Instant> pulsed = new ArrayList<>();
        model.addReceiver(pulsed::add);
        assertEquals("REPLAY 06:32:00 \u2014 not live", model.bannerTextProperty().get());
        model.pulse(Instant.now());
        assertEquals(Quality.STALE, model.store().get(TEMP).quality(), "inside the seq gap");
        assertEquals("RUNNING", model.store().get(STATE).value());
        assertNull(model.store().get(LATE_TAG), "not reported yet at 06:32");
        assertEquals(List.of(at("06:32:00")), pulsed, "view-models are pulsed with the replayed instant as now");
    }

    @Test
    void playingAtSixtyTimesMovesAMinutePerSecondAndStopsAtTheEnd() {
        ReplayViewModel model = loaded(at("06:40:00"));
        model.setSpeed(60);
        model.togglePlay();
        Instant wall = Instant.parse("2030-01-01T00:00:00Z");
        model.pulse(wall);
        model.pulse(wall.plusSeconds(1));
        assertEquals(at("06:41:00"), model.cursorProperty().get());
        assertEquals("ST10-FAULT", model.alarms().get(0).id());
        assertEquals("Unacknowledged", model.alarms().get(0).state());
        model.pulse(wall.plusSeconds(3));
        assertEquals("acknowledged by alice at 06:42:00", model.alarms().get(0).who());
        model.pulse(wall.plusSeconds(3600));
        assertEquals(at("08:00:00"), model.cursorProperty().get());
        assertFalse(model.playingProperty().get(), "stops at the end of the window");
    }

    @Test
    void stepsAndTypedTimesMoveTheCursor() {
        ReplayViewModel model = loaded(at("06:39:00"));
        model.stepNext();
        assertEquals(at("06:40:00"), model.cursorProperty().get());
        model.stepPrevious();
        assertTrue(model.cursorProperty().get().isBefore(at("06:40:00")));
        assertTrue(model.jumpTo("06:43"));
        model.pulse(Instant.now());
        assertEquals("shelved by bob: Maintenance, until 07:10:00", model.alarms().get(1).who());
        assertFalse(model.jumpTo("quarter past"));
        assertEquals("Not a time: quarter past (hh:mm:ss or yyyy-MM-dd hh:mm)", model.statusTextProperty().get());
        assertFalse(model.jumpTo("09:30:00"));
        assertEquals(at("06:43:00"), model.cursorProperty().get(), "a refused jump leaves the cursor");
        assertTrue(model.jumpTo("2025-03-01 07:11"));
        model.pulse(Instant.now());
        assertEquals(Quality.STALE, model.store().get(STATE).quality(), "the broker link was lost");
    }

    @Test
    void aFailedLoadEndsInAVisibleError() {
        ReplayViewModel model = new ReplayViewModel((a, b) -> {
            throw new java.io.IOException("history file locked");
        }, now, now, texts, ZoneOffset.UTC);
        model.load(SIX, at("08:00:00"), SIX);
        assertFalse(model.loadingProperty().get());
        assertEquals("Replay could not load: history file locked", model.statusTextProperty().get());
        model.pulse(Instant.now()); // nothing loaded: nothing to show, no failure
        assertNull(model.frame());
    }
}
