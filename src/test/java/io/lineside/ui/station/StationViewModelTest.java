package io.lineside.ui.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.LimitCondition;
import io.lineside.alarms.Priority;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.stations.ConfiguredSignal;
import io.lineside.stations.Localized;
import io.lineside.stations.SignalConfig;
import io.lineside.stations.StationCatalog;
import io.lineside.tags.Quality;
import io.lineside.tags.TagMeta;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station faceplate on a real H2 history file, with same-thread executors instead of the toolkit. */
class StationViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    private static final StationId WELD = new StationId("demo", "assembly", "line-1", "weld");
    private static final Executor SAME_THREAD = Runnable::run;
    private static final AlarmDefinition TEMP_H = limit("T-H", LimitCondition.Level.H, 50);
    private static final AlarmDefinition TEMP_HH = limit("T-HH", LimitCondition.Level.HH, 60);
    /** A speed limit: the speed's bar then scales from it and grows with what history shows. */
    private static final AlarmDefinition SPEED_H = new AlarmDefinition("S-H", PRESS.signal("speed"), PRESS,
            Priority.MEDIUM, new LimitCondition(LimitCondition.Level.H, 20, 1), Duration.ZERO, Duration.ZERO, false,
            Duration.ZERO, Duration.ofHours(8), Map.of("en", "S-H"), Optional.empty(), Optional.empty());

    @TempDir
    Path dir;

    private final TagStore store = new TagStore();
    private final ObservableList<AlarmRow> summary = FXCollections.observableArrayList();

    private void publish(StationId station, String signal, Object value, Quality quality, Instant at) {
        store.apply(new TagUpdate(station.signal(signal), new TagValue(value, at, at, quality, 7)));
    }

    private StationViewModel model(HistoryDatabase db, Texts texts) {
        return model(db, texts, List.of(TEMP_H, TEMP_HH));
    }

    /** The press with its temperature described (label, unit) as a config would, the rest generic. */
    private StationViewModel model(HistoryDatabase db, Texts texts, List<AlarmDefinition> alarms) {
        ConfiguredSignal temperature = new ConfiguredSignal(Map.of(), "temperature",
                new TagMeta("\u00B0C", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null),
                new SignalConfig(new Localized(Map.of("en", "Temp", "zh-CN", "\u6E29\u5EA6")), Localized.NONE, -1,
                        null, java.util.Set.of(), true));
        return new StationViewModel(PRESS, store, new StationCatalog(List.of(temperature), alarms, store), summary,
                StationHistory.of(new HistoryQuery(db)), SAME_THREAD, SAME_THREAD, texts);
    }

    @Test
    void keyValuesBecomeBarsWithTheRangeAndLimitsOfTheirAlarmDefinitions() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH));
            publish(PRESS, "state", "running", Quality.GOOD, NOW);
            publish(PRESS, "temperature", 36.0, Quality.GOOD, NOW);
            publish(PRESS, "speed", 29.5, Quality.GOOD, NOW);
            publish(PRESS, "cycles", 1234.0, Quality.GOOD, NOW);
            publish(PRESS, "scrap", 3.0, Quality.GOOD, NOW);
            publish(WELD, "temperature", 180.0, Quality.GOOD, NOW);
            model.pulse(NOW.plusMillis(400));
            assertEquals(StationState.RUNNING, model.stateProperty().get());
            assertEquals("Parts 1234   Scrap 3", model.countTextProperty().get());
            assertEquals(List.of("temperature", "speed"), model.gauges().stream().map(GaugeViewModel::signal).toList(),
                    "values in the model's order (configured first); the counters are no bars; the weld is another station");
            GaugeViewModel temp = model.gauges().getFirst();
            assertEquals("Temp", temp.label());
            assertEquals("\u00B0C", temp.unit());
            assertEquals("36.0", temp.valueTextProperty().get());
            assertEquals("Range 0\u2013100", temp.rangeTextProperty().get(), "a fifth over HH, rounded up nicely");
            assertEquals(0.36, temp.fractionProperty().get(), 1e-9);
            GaugeViewModel.Scale scale = temp.scaleProperty().get();
            assertEquals(0.5, scale.high(), 1e-9);
            assertEquals(0.6, scale.highHigh(), 1e-9);
            assertEquals(0.0, scale.normalFrom(), 1e-9);
            assertEquals(0.5, scale.normalTo(), 1e-9, "normal up to the H limit");
            assertTrue(Double.isNaN(scale.low()));
            assertEquals("Good \u00B7 0.4 s", temp.qualityTextProperty().get());
            GaugeViewModel speed = model.gauges().get(1);
            assertEquals(false, speed.bar(), "no range and no limits: a plain value, not a made-up scale");
            assertEquals("29.5", speed.valueTextProperty().get());
        }
    }

    @Test
    void aStaleOrBadValueIsMarkedAndABadOneShowsNoNumber() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH));
            publish(PRESS, "temperature", 36.0, Quality.GOOD, NOW);
            model.pulse(NOW);
            publish(PRESS, "temperature", 36.0, Quality.STALE, NOW);
            model.pulse(NOW.plusSeconds(12));
            GaugeViewModel temp = model.gauges().getFirst();
            assertEquals(Quality.STALE, temp.qualityProperty().get());
            assertEquals("Stale \u00B7 12 s", temp.qualityTextProperty().get());
            assertEquals("36.0", temp.valueTextProperty().get(), "a stale value stays readable, marked");
            store.apply(new TagUpdate(PRESS.signal("temperature"), new TagValue(null, NOW, NOW, Quality.BAD, 8)));
            model.pulse(NOW.plusSeconds(13));
            assertEquals(Quality.BAD, temp.qualityProperty().get());
            assertEquals("\u2014", temp.valueTextProperty().get());
            assertTrue(Double.isNaN(temp.fractionProperty().get()), "no pointer without a value");
        }
    }

    @Test
    void theTimelineAndMiniTrendsComeFromHistory() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            Instant start = NOW.minus(Duration.ofHours(2));
            try (HistoryWriter writer = new HistoryWriter(db)) {
                for (int s = 0; s <= 7_200; s += 2) { // every 2 s for 2 h; fault 30 min in for 10 min
                    Instant t = start.plusSeconds(s);
                    String state = s >= 1_800 && s < 2_400 ? "fault" : "running";
                    if (s < 3_600 || s >= 3_900) { // 5 min of silence an hour in
                        writer.put(new TagUpdate(PRESS.signal("state"), new TagValue(state, t, t, Quality.GOOD, s)));
                    }
                    writer.put(new TagUpdate(PRESS.signal("temperature"), TagValue.good(40 + s % 5, t, t, s)));
                }
            }
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH));
            publish(PRESS, "temperature", 44.0, Quality.GOOD, NOW);
            model.pulse(NOW);
            List<StateBand> bands = model.timelineProperty().get();
            assertEquals(List.of(
                    new StateBand(start, start.plusSeconds(1_800), StationState.RUNNING),
                    new StateBand(start.plusSeconds(1_800), start.plusSeconds(2_400), StationState.FAULT),
                    // the last sample before the silence holds for the gap rule's 66 s, as in the shift review
                    new StateBand(start.plusSeconds(2_400), start.plusSeconds(3_598 + 66), StationState.RUNNING),
                    new StateBand(start.plusSeconds(3_598 + 66), start.plusSeconds(3_900), null),
                    new StateBand(start.plusSeconds(3_900), NOW, StationState.RUNNING)), bands,
                    "from where history starts (2 h ago), not 8 h of nothing first");
            assertEquals("", model.historyMessageProperty().get());
            List<Double> trend = model.trendsProperty().get().get("temperature");
            assertEquals(StationViewModel.TREND_POINTS, trend.size());
            assertTrue(trend.stream().allMatch(v -> v >= 40 && v <= 44), trend.toString());
        }
    }

    @Test
    void everySignalAppearsAConfiguredOneBeforeItArrivesAndOneWithoutRangeOrLimitsAsAPlainValue() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH), List.of());
            assertEquals(List.of("temperature"), model.gauges().stream().map(GaugeViewModel::signal).toList(),
                    "a configured signal is shown before its first value");
            publish(PRESS, "pressure", 2.345, Quality.GOOD, NOW);
            publish(PRESS, "recipe", "rye-900", Quality.GOOD, NOW);
            model.pulse(NOW);
            assertEquals(List.of("temperature", "pressure", "recipe"),
                    model.gauges().stream().map(GaugeViewModel::signal).toList());
            GaugeViewModel pressure = model.gauges().get(1);
            assertEquals(false, pressure.bar(), "no range, no limits: no made-up scale");
            assertEquals("", pressure.unit(), "unit unknown");
            assertEquals("2.3", pressure.valueTextProperty().get());
            assertEquals("", pressure.rangeTextProperty().get());
            assertEquals("rye-900", model.gauges().get(2).valueTextProperty().get());
            publish(PRESS, "pressure", 2.5, Quality.GOOD, NOW.plusSeconds(1));
            model.pulse(NOW.plusSeconds(1));
            assertEquals("2.5", pressure.valueTextProperty().get(), "a change arrives through the dirty tracker");
            model.dispose();
            assertEquals(0, store.readerCount(), "a closed faceplate stops tracking the store");
        }
    }

    @Test
    void aYoungHistorySpansFiveMinutesNotAHairline() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            try (HistoryWriter writer = new HistoryWriter(db)) {
                for (int s = 20; s > 0; s--) {
                    Instant t = NOW.minusSeconds(s);
                    writer.put(new TagUpdate(PRESS.signal("state"), new TagValue("running", t, t, Quality.GOOD, 100 - s)));
                    writer.put(new TagUpdate(PRESS.signal("speed"), TagValue.good(30 + s % 3, t, t, 100 - s)));
                }
            }
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH), List.of(SPEED_H));
            publish(PRESS, "speed", 0.0, Quality.GOOD, NOW); // stopped now, ran at 30-32 until a moment ago
            model.pulse(NOW);
            assertEquals("speed", model.gauges().get(1).signal());
            assertEquals("Range 0\u201350", model.gauges().get(1).rangeTextProperty().get(),
                    "the range holds the recent history, not just the value now");
            assertEquals(0.0, model.gauges().get(1).fractionProperty().get(), 1e-9);
            assertEquals(List.of(new StateBand(NOW.minus(StationViewModel.TIMELINE_MIN_SPAN), NOW.minusSeconds(20), null),
                    new StateBand(NOW.minusSeconds(20), NOW, StationState.RUNNING)), model.timelineProperty().get());
            List<Double> speed = model.trendsProperty().get().get("speed");
            long drawn = speed.stream().filter(v -> !Double.isNaN(v)).count();
            assertTrue(drawn >= 12 && drawn <= 16, "20 s of 2 min in 90 points: about 15 drawn, not 2 (" + drawn + ")");
        }
    }

    @Test
    void theTimelineCoversTheCurrentShiftWhenThereIsACalendar() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            try (HistoryWriter writer = new HistoryWriter(db)) {
                for (int s = 7_200; s > 0; s -= 2) {
                    Instant t = NOW.minusSeconds(s);
                    writer.put(new TagUpdate(PRESS.signal("state"), new TagValue("running", t, t, Quality.GOOD, 9_000 - s)));
                }
            }
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH));
            Duration shift = Duration.ofMinutes(45).plusSeconds(1); // between two samples: the state then is known
            model.setTimelineStart(now -> now.minus(shift));
            model.pulse(NOW);
            assertEquals(List.of(new StateBand(NOW.minus(shift), NOW, StationState.RUNNING)),
                    model.timelineProperty().get());
        }
    }

    @Test
    void aStationWithoutHistorySaysSo() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH));
            model.pulse(NOW);
            assertEquals("No history yet", model.historyMessageProperty().get());
            assertEquals(List.of(new StateBand(NOW.minus(StationViewModel.TIMELINE_SPAN), NOW, null)),
                    model.timelineProperty().get());
        }
    }

    @Test
    void theFaceplateListsOnlyItsStationsAlarmsAndFollowsTheSummary() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH));
            summary.setAll(row("a", PRESS), row("b", WELD));
            assertEquals(List.of("a"), model.alarms().stream().map(AlarmRow::id).toList());
            summary.add(row("c", PRESS));
            assertEquals(List.of("a", "c"), model.alarms().stream().map(AlarmRow::id).toList());
        }
    }

    @Test
    void itsButtonsOpenTheFullTrendAndTheRawTagsOfItsStation() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH));
            List<String> asked = new ArrayList<>();
            model.setOnOpenTrend(s -> asked.add("trend " + s.station()));
            model.setOnOpenDiagnostics(s -> asked.add("tags " + s.station()));
            model.openTrend();
            model.openDiagnostics();
            assertEquals(List.of("trend press", "tags press"), asked);
            assertEquals("line-1 / press", model.title());
        }
    }

    @Test
    void historyArrivingAfterTheOperatorLeftIsDropped() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            List<Runnable> later = new ArrayList<>();
            StationViewModel model = new StationViewModel(PRESS, store, List.of(), summary,
                    StationHistory.of(new HistoryQuery(db)), SAME_THREAD, later::add, Texts.forLocale(Locale.ENGLISH));
            publish(PRESS, "speed", 30.0, Quality.GOOD, NOW);
            model.pulse(NOW);
            model.dispose();
            later.forEach(Runnable::run);
            assertEquals(Map.of(), model.trendsProperty().get());
            assertEquals(List.of(), model.timelineProperty().get());
        }
    }

    @Test
    void theTimelineUsesTheShiftReviewsGapRuleNotAFixedSilence() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            Instant start = NOW.minus(Duration.ofMinutes(30));
            try (HistoryWriter writer = new HistoryWriter(db)) {
                int seq = 0;
                for (int s = 0; s <= 1_800; s += 2) { // every 2 s for 30 min; 45 s without a sample at 10 min
                    if (s <= 600 || s >= 646) {
                        Instant t = start.plusSeconds(s);
                        writer.put(new TagUpdate(PRESS.signal("state"), new TagValue("running", t, t, Quality.GOOD,
                                seq++)));
                    }
                }
            }
            StationViewModel model = model(db, Texts.forLocale(Locale.ENGLISH));
            model.pulse(NOW);
            assertEquals(List.of(new StateBand(start, NOW, StationState.RUNNING)), model.timelineProperty().get(),
                    "45 s is within the default rule (60 s heartbeat + 5 s stale + 1 s): recorded, not 'no data'");

            StationViewModel strict = model(db, Texts.forLocale(Locale.ENGLISH));
            strict.setStateHold(Duration.ofSeconds(20)); // a station whose rule is shorter
            strict.pulse(NOW);
            List<StateBand> expected = List.of(new StateBand(start, start.plusSeconds(620), StationState.RUNNING),
                    new StateBand(start.plusSeconds(620), start.plusSeconds(646), null),
                    new StateBand(start.plusSeconds(646), NOW, StationState.RUNNING));
            assertEquals(expected, strict.timelineProperty().get());
            List<io.lineside.shifts.StateSpan> review = io.lineside.shifts.StateTimeline.build(null,
                    new HistoryQuery(db).samples(PRESS.signal("state"), start, NOW, 10_000), start, NOW,
                    Duration.ofSeconds(20), List.of(), List.of());
            assertEquals(expected, StateBand.of(review, start, NOW), "the same bands as the shift review's timeline");
        }
    }

    private static AlarmRow row(String id, StationId station) {
        AlarmDefinition d = AlarmDefinition.simple(id, station.signal("state"), Priority.HIGH,
                new io.lineside.alarms.DiscreteCondition("fault", null));
        ActiveAlarm a = new ActiveAlarm(id, AlarmState.UNACK, Priority.HIGH, station.toString(),
                station.signal("state").toString(), "fault", NOW, 1, false, d);
        return new AlarmRow(a, "\u25B2 High", "12:00:00", station.station(), id, "fault", "Unacknowledged", "", "");
    }

    private static AlarmDefinition limit(String id, LimitCondition.Level level, double at) {
        return new AlarmDefinition(id, PRESS.signal("temperature"), PRESS, Priority.MEDIUM,
                new LimitCondition(level, at, 1), Duration.ZERO, Duration.ZERO, false, Duration.ZERO,
                Duration.ofHours(8), Map.of("en", id), Optional.empty(), Optional.empty());
    }
}
