package io.lineside.ui.layout;

import static io.lineside.ui.layout.PlanFixture.demoStation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEngine;
import io.lineside.alarms.MemoryJournal;
import io.lineside.alarms.DiscreteCondition;
import io.lineside.alarms.LimitCondition;
import io.lineside.alarms.Priority;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.alarms.AlarmRow;
import io.lineside.ui.alarms.AlarmSummaryView;
import io.lineside.ui.alarms.AlarmSummaryViewModel;
import io.lineside.ui.theme.Theme;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo's line 1 drawn as a floor plan beside the alarm summary, both on a real {@link AlarmEngine} whose inputs
 * change at 10 Hz (five temperatures crossing their limit back and forth, the press held in a fault), pulsed by an
 * AnimationTimer as the app's pulse does: the markers follow every change of their station's alarms, the operator's
 * selection in the summary stays put, and a click on a marker opens its station.
 */
class FloorPlanAlarmMarkersFlowTest extends FxRobot {

    private static final String[] STATIONS = {"load", "weld", "paint", "inspect", "pack"};
    private static final StationId PRESS = demoStation(1, "press");

    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
    private final TagStore store = new TagStore();
    private final MemoryJournal journal = new MemoryJournal();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicReference<StationId> opened = new AtomicReference<>();
    private AlarmEngine engine;
    private FloorPlanViewModel plan;
    private AlarmSummaryView summaryView;
    private AnimationTimer pulse;
    private volatile boolean paused;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        publisher.shutdownNow();
        interact(() -> {
            if (pulse != null) {
                pulse.stop();
            }
            if (plan != null) {
                plan.dispose();
            }
        });
        FxToolkit.cleanupStages();
    }

    @Test
    void markersFollowTheAlarmsAt10HzWhileTheSummarysSelectionStays() throws Exception {
        List<AlarmDefinition> definitions = new ArrayList<>();
        definitions.add(AlarmDefinition.simple("L1-PRESS-FAULT", PRESS.signal("state"), Priority.HIGH,
                new DiscreteCondition("fault", null)));
        for (int i = 0; i < STATIONS.length; i++) {
            definitions.add(AlarmDefinition.simple("L1-" + STATIONS[i].toUpperCase(Locale.ROOT) + "-TEMP",
                    demoStation(1, STATIONS[i]).signal("temperature"), Priority.values()[i % 4],
                    new LimitCondition(LimitCondition.Level.H, 100, 0)));
        }
        engine = new AlarmEngine(definitions, journal, Clock.systemUTC());
        PlanFixture.runningDemo(store, Instant.now());
        publish();
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        AlarmSummaryViewModel summary = new AlarmSummaryViewModel(engine::snapshot, definitions, List::of, new io.lineside.ui.alarms.IdleAlarmActions(),
                texts, ZoneOffset.UTC, r -> javafx.application.Platform.runLater(r));
        ViewLoader loader = new ViewLoader(texts.bundle(),
                Map.of(AlarmSummaryView.class, () -> summaryView = new AlarmSummaryView(summary, texts)));
        AtomicInteger weldChanges = new AtomicInteger();
        FxToolkit.setupStage(stage -> {
            plan = new FloorPlanViewModel(store, texts, javafx.application.Platform::runLater);
            plan.setAlarms(engine::snapshot);
            plan.setOnOpenStation(opened::set);
            plan.showOnly(FloorPlanViewModel.line("assembly", "line-1"));
            try {
                plan.show(PlanFixture.demo());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            symbol("l1-weld").markerProperty().addListener((o, a, b) -> weldChanges.incrementAndGet());
            Node planNode = FloorPlanView.create(plan);
            Parent summaryNode = loader.load(AlarmSummaryView.class);
            HBox.setHgrow(planNode, javafx.scene.layout.Priority.ALWAYS);
            ((javafx.scene.layout.Region) planNode).setPrefWidth(900);
            ((javafx.scene.layout.Region) summaryNode).setPrefWidth(700);
            Scene scene = new Scene(new HBox(planNode, summaryNode), 1600, 700);
            Theme.LIGHT.stylesheets().forEach(css -> scene.getStylesheets()
                    .add(Theme.class.getResource(css).toExternalForm()));
            stage.setScene(scene);
            stage.show();
            pulse = new AnimationTimer() {
                @Override
                public void handle(long nanos) {
                    Instant now = Instant.now();
                    plan.pulse(now);
                    summary.pulse(now);
                }
            };
            pulse.start();
        });
        publisher.scheduleAtFixedRate(this::publish, 100, 100, TimeUnit.MILLISECONDS);
        TableView<AlarmRow> table = lookup(".alarm-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> table.getItems().stream()
                .anyMatch(r -> r.id().equals("L1-PRESS-FAULT")) && symbol("l1-press").markerProperty().get() != null));
        paused = true; // rows move as alarms come and go: the click must land on the row it looked up
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(fx(() -> rowOf(table, "L1-PRESS-FAULT")));
        interact(() -> assertEquals(List.of("L1-PRESS-FAULT"), summaryView.selectedIds()));
        paused = false;
        long published = seq.get();
        int weldBefore = weldChanges.get();

        Thread.sleep(3000); // 30 rounds: the five temperature alarms activate and return over and over

        assertTrue(seq.get() - published >= 25, "the inputs kept changing: " + (seq.get() - published) + " rounds");
        assertTrue(weldChanges.get() - weldBefore >= 4, "the weld marker followed its alarm: "
                + (weldChanges.get() - weldBefore) + " changes");
        interact(() -> assertEquals(List.of("L1-PRESS-FAULT"), summaryView.selectedIds(),
                "the operator's selection stayed on the press alarm"));
        publisher.shutdownNow();
        publisher.awaitTermination(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(this::markersShowTheEngine));
        AlarmMarker press = fx(() -> symbol("l1-press").markerProperty().get());
        assertEquals("L1-PRESS-FAULT", press.worstId());
        assertEquals(AlarmMarker.Fill.BLINKING, press.fill(), "never acknowledged: still flashing");

        Node marker = lookup("#marker-l1-press").query();
        clickOn(marker);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> PRESS.equals(opened.get()));
    }

    /** Every marker node draws what the engine's snapshot says of its station now. */
    private boolean markersShowTheEngine() {
        var alarms = engine.snapshot().alarms();
        for (SymbolViewModel s : plan.planProperty().get().symbols()) {
            if (!s.carriesMarker()) {
                continue;
            }
            AlarmMarker expected = AlarmMarker.of(alarms.stream().filter(s::marks).toList(),
                    Texts.forLocale(Locale.ENGLISH));
            AlarmMarkerNode node = (AlarmMarkerNode) lookup("#marker-" + s.id()).query();
            if (!java.util.Objects.equals(expected, node.shown())) {
                return false;
            }
        }
        return true;
    }

    /** One round: the press stays in a fault; station i's temperature crosses 100 every (3 + i) rounds. */
    private void publish() {
        if (paused) {
            return;
        }
        long n = seq.incrementAndGet();
        Instant now = Instant.now();
        update(PRESS.signal("state").toString(), "fault", now, n);
        for (int i = 0; i < STATIONS.length; i++) {
            double t = (n / (3 + i)) % 2 == 1 ? 120 + n % 5 : 60 + n % 5;
            update(demoStation(1, STATIONS[i]).signal("temperature").toString(), t, now, n);
        }
    }

    private void update(String tag, Object value, Instant now, long n) {
        TagUpdate u = new TagUpdate(io.lineside.tags.TagPath.parse(tag), new TagValue(value, now, now, Quality.GOOD, n));
        store.apply(u);
        engine.onUpdate(u);
    }

    private SymbolViewModel symbol(String id) {
        return plan.planProperty().get().symbols().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static Node rowOf(TableView<AlarmRow> table, String id) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof IndexedCell<?> c && c.getItem() instanceof AlarmRow r && r.id().equals(id))
                .findFirst().orElseThrow();
    }


}
