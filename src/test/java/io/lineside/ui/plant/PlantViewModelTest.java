package io.lineside.ui.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.DiscreteCondition;
import io.lineside.alarms.Priority;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import io.lineside.ui.nav.LineId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The plant overview's line tiles without the toolkit: the pulse is called directly. */
class PlantViewModelTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final StationId LOAD = new StationId("demo", "assembly", "line-1", "load");
    private static final StationId PACK = new StationId("demo", "assembly", "line-1", "pack");
    private static final StationId L2_LOAD = new StationId("demo", "assembly", "line-2", "load");

    private final TagStore store = new TagStore();
    private final AtomicReference<AlarmSnapshot> alarms = new AtomicReference<>(AlarmSnapshot.empty(T0));
    /** 3,600 parts/h: one part per second of target, easy to check. */
    private final PlantViewModel model = new PlantViewModel(store, alarms::get, line -> 3_600,
            Texts.forLocale(Locale.ENGLISH));

    private void publish(StationId station, String signal, Object value, Instant at) {
        store.apply(new TagUpdate(station.signal(signal), new TagValue(value, at, at, Quality.GOOD, 1)));
    }

    private LineTileViewModel tile(int index) {
        return model.lines().get(index);
    }

    @Test
    void aTilePerLineShowsTheWorstStationStateInTheOrderLinesReport() {
        publish(LOAD, "state", "running", T0);
        publish(L2_LOAD, "state", "idle", T0);
        publish(PACK, "state", "starved", T0);
        model.pulse(T0);
        assertEquals(List.of("assembly / line-1", "assembly / line-2"),
                model.lines().stream().map(LineTileViewModel::name).toList());
        assertEquals(StationState.STARVED, tile(0).stateProperty().get());
        assertEquals("Starved", tile(0).stateTextProperty().get());
        assertEquals("2 stations", tile(0).stationsTextProperty().get());
        publish(LOAD, "state", "fault", T0.plusSeconds(1));
        model.pulse(T0.plusSeconds(1));
        assertEquals("Fault", tile(0).stateTextProperty().get());
        assertEquals(StationState.IDLE, tile(1).stateProperty().get());
    }

    @Test
    void aStaleLineSaysStaleInsteadOfRunningUntilFreshStatesArrive() {
        publish(LOAD, "state", "running", T0);
        publish(PACK, "state", "running", T0);
        model.pulse(T0);
        assertEquals(Quality.GOOD, tile(0).qualityProperty().get());
        assertEquals("Running", tile(0).stateTextProperty().get());
        store.markStale(null); // the broker link is down: every tag turns STALE
        model.pulse(T0.plusSeconds(1));
        assertEquals(Quality.STALE, tile(0).qualityProperty().get());
        assertEquals(StationState.RUNNING, tile(0).stateProperty().get(), "the last state is kept, not invented");
        String text = tile(0).stateTextProperty().get();
        assertEquals("Stale (2 stations) \u00B7 last Running", text);
        publish(LOAD, "state", "running", T0.plusSeconds(2));
        model.pulse(T0.plusSeconds(2));
        assertTrue(tile(0).stateTextProperty().get().startsWith("Stale (1 station) \u00B7 last"));
        publish(PACK, "state", "running", T0.plusSeconds(3));
        model.pulse(T0.plusSeconds(3));
        assertEquals(Quality.GOOD, tile(0).qualityProperty().get());
        assertFalse(tile(0).stateTextProperty().get().contains("Stale"));
    }

    @Test
    void outputIsCountedAtTheLastStationAgainstTheTargetOverTheSameTime() {
        publish(LOAD, "cycles", 5_000.0, T0);
        publish(PACK, "cycles", 100.0, T0);
        model.pulse(T0);
        assertEquals("0 of 0 parts", tile(0).outputTextProperty().get());
        publish(LOAD, "cycles", 5_900.0, T0.plusSeconds(60));
        publish(PACK, "cycles", 145.0, T0.plusSeconds(60));
        model.pulse(T0.plusSeconds(60));
        assertEquals("45 of 60 parts", tile(0).outputTextProperty().get(), "the load station's count is not output");
        assertEquals("75 % of target", tile(0).outputPercentTextProperty().get());
    }

    @Test
    void aLineWithoutATargetRateShowsItsCountAlone() {
        PlantViewModel noTargets = new PlantViewModel(store, alarms::get, line -> Double.NaN,
                Texts.forLocale(Locale.ENGLISH));
        publish(PACK, "cycles", 100.0, T0);
        noTargets.pulse(T0);
        publish(PACK, "cycles", 130.0, T0.plusSeconds(60));
        noTargets.pulse(T0.plusSeconds(60));
        LineTileViewModel line = noTargets.lines().getFirst();
        assertEquals("30 parts (no target rate configured)", line.outputTextProperty().get());
        assertEquals("", line.outputPercentTextProperty().get());
    }

    @Test
    void aCounterThatRestartsFromZeroCountsOn() {
        publish(PACK, "cycles", 100.0, T0);
        model.pulse(T0);
        publish(PACK, "cycles", 110.0, T0.plusSeconds(10));
        model.pulse(T0.plusSeconds(10));
        publish(PACK, "cycles", 4.0, T0.plusSeconds(20)); // the PLC restarted
        model.pulse(T0.plusSeconds(20));
        assertEquals("14 of 20 parts", tile(0).outputTextProperty().get());
    }

    @Test
    void activeAlarmsAreCountedPerLineWithThePriorityShapeAndWord() {
        publish(LOAD, "state", "fault", T0);
        publish(L2_LOAD, "state", "running", T0);
        model.pulse(T0);
        assertEquals("None active", tile(0).alarmsTextProperty().get());
        alarms.set(new AlarmSnapshot(T0, List.of(alarm("a", LOAD, Priority.HIGH), alarm("b", PACK, Priority.MEDIUM),
                alarm("c", PACK, Priority.MEDIUM)), Map.of(), Map.of(), false, List.of(), 0, 0, 0, 0));
        model.pulse(T0.plusMillis(100));
        assertEquals("\u25B2 1 High   \u25A0 2 Medium", tile(0).alarmsTextProperty().get());
        assertEquals(Priority.HIGH, tile(0).alarmPriorityProperty().get());
        assertEquals("None active", tile(1).alarmsTextProperty().get());
        assertNull(tile(1).alarmPriorityProperty().get());
    }

    @Test
    void clickingATileOpensItsLine() {
        List<LineId> opened = new ArrayList<>();
        model.setOnOpenLine(opened::add);
        publish(L2_LOAD, "state", "running", T0);
        model.pulse(T0);
        tile(0).open();
        assertEquals(List.of(LineId.of(L2_LOAD)), opened);
    }

    @Test
    void anUnchangedLineSetsNoProperty() {
        publish(PACK, "state", "running", T0);
        publish(PACK, "cycles", 10.0, T0);
        model.pulse(T0);
        List<String> changes = new ArrayList<>();
        tile(0).outputTextProperty().addListener((o, a, b) -> changes.add(b));
        tile(0).stateTextProperty().addListener((o, a, b) -> changes.add(b));
        tile(0).alarmsTextProperty().addListener((o, a, b) -> changes.add(b));
        publish(PACK, "state", "running", T0.plusMillis(200)); // same state again
        model.pulse(T0.plusMillis(200));
        model.pulse(T0.plusMillis(400));
        assertEquals(List.of(), changes);
    }

    @Test
    void aWorkstationCountsOnlyTheLinesItIsConfiguredFor() {
        model.showOnly(id -> id.line().equals("line-2"));
        publish(LOAD, "state", "fault", T0);
        publish(L2_LOAD, "state", "running", T0);
        model.pulse(T0);
        assertEquals(List.of("assembly / line-2"), model.lines().stream().map(LineTileViewModel::name).toList());
    }

    @Test
    void aDisposedOverviewStopsReadingTheStore() {
        int before = store.readerCount();
        PlantViewModel second = new PlantViewModel(store, alarms::get, line -> 3_600, Texts.forLocale(Locale.ENGLISH));
        assertEquals(before + 1, store.readerCount(), "a second window's overview reads on its own");
        second.dispose();
        assertEquals(before, store.readerCount());
    }

    @Test
    void theTileSpeaksChinese() {
        PlantViewModel zh = new PlantViewModel(store, alarms::get, line -> 3_600, Texts.forLocale(Locale.SIMPLIFIED_CHINESE));
        publish(PACK, "state", "fault", T0);
        zh.pulse(T0);
        assertEquals("\u6545\u969C", zh.lines().getFirst().stateTextProperty().get());
        assertEquals("1 \u4E2A\u5DE5\u4F4D", zh.lines().getFirst().stationsTextProperty().get());
    }

    private static ActiveAlarm alarm(String id, StationId station, Priority priority) {
        AlarmDefinition d = new AlarmDefinition(id, station.signal("state"), station, priority,
                new DiscreteCondition("fault", null), Duration.ZERO, Duration.ZERO, false, Duration.ZERO,
                Duration.ofHours(8), Map.of("en", id), Optional.empty(), Optional.empty());
        return new ActiveAlarm(id, AlarmState.UNACK, priority, station.toString(), station.signal("state").toString(),
                "fault", T0, 1, false, d);
    }

    @Test
    void outputCountsTheShiftFromHistorySoARestartDoesNotResetIt() throws Exception {
        Instant shiftStart = T0.minus(Duration.ofHours(2)); // the HMI restarts 2 h into the shift
        try (io.lineside.history.HistoryDatabase db = io.lineside.history.HistoryDatabase.open(dir)) {
            try (io.lineside.history.HistoryWriter writer = new io.lineside.history.HistoryWriter(db)) {
                double[] counts = {900, 1_000, 1_400, 30, 230}; // before the shift, then +400, a PLC reset, +230
                long[] at = {-600, 0, 3_600, 3_700, 7_190};
                for (int i = 0; i < counts.length; i++) {
                    Instant t = shiftStart.plusSeconds(at[i]);
                    writer.put(new TagUpdate(PACK.signal("cycles"), new TagValue(counts[i], t, t, Quality.GOOD, i)));
                }
            }
            PlantViewModel restarted = new PlantViewModel(store, alarms::get, line -> 3_600,
                    Texts.forLocale(Locale.ENGLISH));
            restarted.countFromHistory(OutputHistory.of(new io.lineside.history.HistoryQuery(db)),
                    now -> shiftStart, Runnable::run, Runnable::run);
            publish(PACK, "cycles", 240.0, T0); // the first live value: 10 more than the last stored
            restarted.pulse(T0);
            // from the last value before the shift (900) as the shift review counts: 100 + 400 + 30 (on from zero
            // after the reset) + 200 in history; the live value not yet stored counts from the next one on; the
            // target covers the same 2 h at 3,600/h
            assertEquals("730 of 7,200 parts", restarted.lines().getFirst().outputTextProperty().get());
            publish(PACK, "cycles", 250.0, T0.plusSeconds(10));
            restarted.pulse(T0.plusSeconds(10));
            assertEquals("740 of 7,210 parts", restarted.lines().getFirst().outputTextProperty().get());
        }
    }

    @Test
    void aNewShiftCountsFromZero() throws Exception {
        try (io.lineside.history.HistoryDatabase db = io.lineside.history.HistoryDatabase.open(dir)) {
            Instant nextShift = T0.plusSeconds(60);
            PlantViewModel shifts = new PlantViewModel(store, alarms::get, line -> 3_600,
                    Texts.forLocale(Locale.ENGLISH));
            shifts.countFromHistory(OutputHistory.of(new io.lineside.history.HistoryQuery(db)),
                    now -> now.isBefore(nextShift) ? T0 : nextShift, Runnable::run, Runnable::run);
            publish(PACK, "cycles", 100.0, T0);
            shifts.pulse(T0);
            publish(PACK, "cycles", 150.0, T0.plusSeconds(50));
            shifts.pulse(T0.plusSeconds(50));
            assertEquals("50 of 50 parts", shifts.lines().getFirst().outputTextProperty().get());
            publish(PACK, "cycles", 170.0, nextShift.plusSeconds(20));
            shifts.pulse(nextShift.plusSeconds(20));
            assertEquals("0 of 20 parts", shifts.lines().getFirst().outputTextProperty().get(),
                    "the 20 parts since the last value straddle the change; the new shift counts from its next value");
        }
    }
}
