package io.lineside.ui.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.lineside.history.HistoryWriter;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;

/**
 * A station's hour from a real H2 file with its alarm journal: the trend pane marks each alarm of its pens at the
 * right x in its priority's colour (not a pen's), nothing where no alarm was, the cursor box names the alarm under
 * it; day and night, English and Chinese, 1280x800 and 1920x1080 (target/screenshots/trend-alarms-*.png).
 */
class TrendAlarmMarksPaintTest {

    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    private static final TagPath TEMP = PRESS.signal("temperature");
    private static final TagPath SPEED = PRESS.signal("speed");
    private static final TagPath CYCLES = PRESS.signal("cycles");
    private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Executor SAME_THREAD = Runnable::run;
    private static final Instant HIGH_AT = NOW.minus(Duration.ofMinutes(50));
    private static final Instant CRITICAL_AT = NOW.minus(Duration.ofMinutes(35));
    private static final Instant MEDIUM_AT = NOW.minus(Duration.ofMinutes(10));
    private static final Instant QUIET = NOW.minus(Duration.ofMinutes(56));

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static void record(HistoryDatabase db) throws Exception {
        try (HistoryWriter writer = new HistoryWriter(db)) {
            for (int s = 0; s < 3_900; s++) {
                Instant t = NOW.minusSeconds(3_900).plusSeconds(s);
                writer.put(new TagUpdate(TEMP, TagValue.good(46 + 4 * Math.sin(s / 400.0) + (s > 600 && s < 780 ? 9 : 0),
                        t, t, s + 1)));
                writer.put(new TagUpdate(SPEED, TagValue.good(s > 1500 && s < 1800 ? 20 : 52 + Math.sin(s / 60.0), t, t, s + 1)));
                writer.put(new TagUpdate(CYCLES, TagValue.good(12_000 + (s < 3000 ? s / 3 : 1000), t, t, s + 1)));
            }
        }
    }

    private static AlarmEvent event(Instant at, String id, TagPath tag, AlarmTrigger trigger, AlarmState from,
                                    AlarmState to, Priority p, String user) {
        return new AlarmEvent(at, id, trigger, from, to, p, "assembly", PRESS.toString(), tag.toString(), "", user, "",
                id);
    }

    private static void journal(AlarmJournalStore j) {
        j.append(event(HIGH_AT, "L1-PRESS-TEMP-H", TEMP, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.HIGH, "system"));
        j.append(event(HIGH_AT.plusSeconds(180), "L1-PRESS-TEMP-H", TEMP, AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED, Priority.HIGH, "olga"));
        j.append(event(HIGH_AT.plusSeconds(360), "L1-PRESS-TEMP-H", TEMP, AlarmTrigger.CLEAR, AlarmState.ACKED, AlarmState.NORMAL, Priority.HIGH, "system"));
        j.append(event(CRITICAL_AT, "L1-PRESS-SPEED-LL", SPEED, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.CRITICAL, "system"));
        j.append(event(CRITICAL_AT.plusSeconds(300), "L1-PRESS-SPEED-LL", SPEED, AlarmTrigger.CLEAR, AlarmState.UNACK, AlarmState.RTN_UNACK, Priority.CRITICAL, "system"));
        j.append(event(CRITICAL_AT.plusSeconds(540), "L1-PRESS-SPEED-LL", SPEED, AlarmTrigger.ACK, AlarmState.RTN_UNACK, AlarmState.NORMAL, Priority.CRITICAL, "wang"));
        j.append(event(MEDIUM_AT, "L1-PRESS-NODATA", CYCLES, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.MEDIUM, "system"));
        j.append(event(NOW.minus(Duration.ofMinutes(54)), "L1-PAINT-TEMP-H", new StationId("demo", "assembly", "line-1",
                "paint").signal("temperature"), AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, Priority.CRITICAL, "system"));
    }

    private static List<AlarmDefinition> definitions() {
        return List.of(definition("L1-PRESS-TEMP-H", TEMP, Priority.HIGH, "Press temperature high", "\u51b2\u538b\u6e29\u5ea6\u504f\u9ad8"),
                definition("L1-PRESS-SPEED-LL", SPEED, Priority.CRITICAL, "Press speed very low", "\u51b2\u538b\u901f\u5ea6\u8fc7\u4f4e"),
                definition("L1-PRESS-NODATA", CYCLES, Priority.MEDIUM, "Press sends no data", "\u51b2\u538b\u65e0\u6570\u636e"));
    }

    private static AlarmDefinition definition(String id, TagPath tag, Priority p, String en, String zh) {
        return new AlarmDefinition(id, tag, PRESS, p, new DiscreteCondition("x", null), Duration.ZERO, Duration.ZERO,
                false, Duration.ZERO, Duration.ofHours(8), Map.of("en", en, "zh-CN", zh), Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"day-en-1280x800", "day-zh-CN-1920x1080", "night-en-1920x1080", "night-zh-CN-1280x800",
            "day-zh-CN-1280x800", "night-en-1280x800", "day-en-1920x1080", "night-zh-CN-1920x1080"})
    void eachAlarmIsMarkedAtItsTimeInItsPrioritysColour(String variant) throws Exception {
        String language = variant.contains("zh-CN") ? "zh-CN" : "en";
        boolean night = variant.startsWith("night");
        int width = variant.endsWith("1920x1080") ? 1920 : 1280;
        int height = variant.endsWith("1920x1080") ? 1080 : 800;
        try (HistoryDatabase db = HistoryDatabase.open(dir); AlarmJournalStore journal = new AlarmJournalStore(db)) {
            record(db);
            journal(journal);
            Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
            TrendViewModel model = new TrendViewModel(TrendSource.of(new HistoryQuery(db)), SAME_THREAD, SAME_THREAD,
                    texts, ZONE);
            model.setStationModel(io.lineside.testsupport.TestStations.demoLike(new io.lineside.tags.TagStore())::describe);
            model.setAlarmMarks(new TrendAlarmMarks(journal, journal::appended, definitions(), texts));
            TrendView[] view = new TrendView[1];
            Map<Class<?>, Supplier<?>> controllers = Map.of(TrendView.class,
                    () -> view[0] = new TrendView(model, texts, ZONE));
            int[] counts = FxToolkit.setupFixture(() -> {
                Parent root = new ViewLoader(texts.bundle(), controllers).load(TrendView.class);
                Scene scene = new Scene(root, width, height);
                scene.getStylesheets().add(getClass().getResource("/io/lineside/ui/lineside.css").toExternalForm());
                if (night) {
                    scene.getStylesheets().add(getClass().getResource("/io/lineside/ui/lineside-dark.css").toExternalForm());
                }
                model.open(PRESS, NOW);
                model.preset(Duration.ofHours(1));
                if (model.pens().stream().noneMatch(p -> p.path().equals(CYCLES))) {
                    model.addPen(CYCLES);
                }
                root.applyCss();
                root.layout();
                root.layout();
                TrendChart chart = view[0].chart();
                root.snapshot(null, null); // settles the layout (the toolbar's CSS) before the chart is measured
                chart.paintNow();
                TrendData data = chart.getData();
                assertEquals(List.of("L1-PRESS-TEMP-H", "L1-PRESS-SPEED-LL", "L1-PRESS-NODATA"),
                        data.alarms().stream().map(TrendAlarmMark::alarmId).toList(), "the pens' alarms only");
                TrendPainter.Plot p = new TrendPainter(ZONE, texts, false).plot(chart.getWidth(), chart.getHeight(),
                        PenAxes.of(data, TrendViewModel.MAX_OWN_AXES, 5).size());
                javafx.scene.SnapshotParameters fill = new javafx.scene.SnapshotParameters();
                fill.setFill(chart.paletteProperty().get().plot());
                PixelReader px = chart.snapshot(fill, null).getPixelReader();
                double lane = p.bottom() - AlarmMarksPainter.LANE;
                int critical = near(px, AlarmMarksPainter.x(p, data, CRITICAL_AT, 0), lane, 0xc8102e);
                int high = near(px, AlarmMarksPainter.x(p, data, HIGH_AT, 0), lane, 0xf28c00);
                int medium = near(px, AlarmMarksPainter.x(p, data, MEDIUM_AT, 0), lane, 0xf5d000);
                int quiet = 0;
                for (int colour : new int[] {0xc8102e, 0xf28c00, 0xf5d000}) {
                    quiet += near(px, AlarmMarksPainter.x(p, data, QUIET, 0), lane, colour);
                }
                // The cursor inside the critical occurrence: the box names it.
                double x = AlarmMarksPainter.x(p, data, CRITICAL_AT.plusSeconds(120), 0);
                Node canvas = chart.getChildrenUnmodifiable().getFirst();
                Event.fireEvent(canvas, new MouseEvent(MouseEvent.MOUSE_MOVED, x, 200, x, 200, MouseButton.NONE, 0,
                        false, false, false, false, false, false, false, false, false, false, null));
                chart.paintNow();
                Screenshots.save(root, "trend-alarms-" + variant);
                return new int[] {critical, high, medium, quiet};
            });
            assertTrue(counts[0] > 40, variant + " Critical red at its activation: " + counts[0]);
            assertTrue(counts[1] > 40, variant + " High orange at its activation: " + counts[1]);
            assertTrue(counts[2] > 40, variant + " Medium yellow at its activation: " + counts[2]);
            assertEquals(0, counts[3], variant + " no alarm colour where no alarm was");
        }
    }

    /** Pixels within 24 of {@code rgb} in a 16 x 16 box around (x, y). */
    private static int near(PixelReader px, double x, double y, int rgb) {
        int n = 0;
        for (int dy = -8; dy < 8; dy++) {
            for (int dx = -8; dx < 8; dx++) {
                int argb = px.getArgb((int) x + dx, (int) y + dy);
                if (Math.abs(((argb >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 24
                        && Math.abs(((argb >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 24
                        && Math.abs((argb & 0xff) - (rgb & 0xff)) <= 24) {
                    n++;
                }
            }
        }
        return n;
    }
}
