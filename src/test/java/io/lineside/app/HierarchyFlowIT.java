package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.StationId;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.ReferencePublisher;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmRow;
import io.lineside.ui.nav.Place;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The display hierarchy on the living demo plant (embedded broker, simulator, spine, alarms), headless, in both
 * languages: L1 → line → station faceplate → raw tags, back/forward/home, and alarm → station in one click.
 * Saves l1-plant, l2-line and l3-station snapshots (with a -zh-CN suffix in Chinese) under target/screenshots.
 */
class HierarchyFlowIT extends FxRobot {

    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    private static final StationId WELD_2 = new StationId("demo", "assembly", "line-2", "weld");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theDemoPlantIsNavigableFromPlantToStationAndBack(String language) throws Exception {
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        String suffix = language.equals("en") ? "" : "-" + language;
        try (LiveDemo live = LiveDemo.start(dir, "hierarchy-" + language, "operator")) {
            Services services = live.services;
            LinesideWindow[] window = new LinesideWindow[1];
            FxToolkit.setupStage(stage -> {
                window[0] = live.window(texts);
                stage.setWidth(1600);
                stage.setHeight(1000);
                window[0].show(stage, "Lineside");
            });
            Supplier<Place> place = () -> window[0].window().navigator().place();
            try {
                // L1: a tile per line, live.
                Eventually.await("three line tiles", Duration.ofSeconds(15), () -> lookup("#line-line-3").tryQuery()
                        .isPresent() && lookup("#line-line-1").tryQuery().isPresent());
                Thread.sleep(25_000); // some output, history and a state timeline to show
                assertEquals(texts.get("nav.plant"), currentCrumb());
                assertTrue(texts(lookup("#line-line-1").query()).contains(texts.get("plant.stations", 6)));
                shoot(window[0], "l1-plant" + suffix);

                // L2: the line's floor plan from the demo layout (its stations, conveyors, buffers, paint supply).
                clickOn("#line-line-1");
                Eventually.await("line view", Duration.ofSeconds(5), () -> lookup("#plan-line-1-press").tryQuery()
                        .isPresent() && "assembly / line-1".equals(currentCrumb()));
                assertEquals(Place.line(io.lineside.ui.nav.LineId.of(PRESS)), place.get());
                assertTrue(lookup("#plan-line-2-press").tryQuery().isEmpty(), "only line-1's stations");
                assertTrue(lookup("#tile-line-1-press").tryQuery().isEmpty(), "the plan, not the tiles");
                shoot(window[0], "l2-line" + suffix);

                // L3: the faceplate with live values, history and the way on.
                clickOn("#plan-line-1-press");
                Eventually.await("faceplate values", Duration.ofSeconds(10), () -> place.get().equals(Place.station(PRESS))
                        && lookup("#gauge-temperature").tryQuery().isPresent()
                        && lookup("#gauge-speed").tryQuery().isPresent());
                Eventually.await("timeline read from history", Duration.ofSeconds(10),
                        () -> !lookup(".state-timeline").query().lookupAll(".band-running").isEmpty()
                                || !lookup(".state-timeline").query().lookupAll(".band-fault").isEmpty()
                                || !lookup(".state-timeline").query().lookupAll(".band-idle").isEmpty()
                                || !lookup(".state-timeline").query().lookupAll(".band-blocked").isEmpty()
                                || !lookup(".state-timeline").query().lookupAll(".band-starved").isEmpty());
                Eventually.await("mini-trend drawn", Duration.ofSeconds(10),
                        () -> !lookup("#spark-temperature").query().lookupAll(".sparkline-line").isEmpty());
                assertEquals("press", currentCrumb());
                shoot(window[0], "l3-station" + suffix);

                // L4: raw tags; then back, forward and home by keys.
                clickOn("#faceplateTagsButton");
                Eventually.await("raw tags", Duration.ofSeconds(5), () -> lookup(".tags-table").tryQuery().isPresent()
                        && lookup(".tags-table").<TableView<?>>query().getItems().size() == services.store().paths()
                                .stream().filter(p -> p.stationId().equals(PRESS)).count());
                assertEquals(texts.get("nav.diagnostics"), currentCrumb());
                press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
                Eventually.await("back on the faceplate", Duration.ofSeconds(5), () -> place.get().equals(Place.station(PRESS)));
                clickOn("#backButton");
                Eventually.await("back on the line", Duration.ofSeconds(5), () -> place.get().level() == Place.Level.LINE);
                clickOn("#forwardButton");
                Eventually.await("forward to the faceplate", Duration.ofSeconds(5),
                        () -> place.get().equals(Place.station(PRESS)));
                press(KeyCode.ALT, KeyCode.HOME).release(KeyCode.HOME, KeyCode.ALT);
                Eventually.await("home", Duration.ofSeconds(5), () -> place.get().equals(Place.plant()));

                // Alarm → station in one click: the banner's alarm, then the summary's Go-to.
                try (ReferencePublisher publisher = new ReferencePublisher(live.demo.brokerUrl())) {
                    publisher.publish("lineside/demo/assembly/line-2/weld/state", "fault");
                }
                Eventually.await("weld alarm listed", Duration.ofSeconds(10), () -> summaryRow("L2-WELD-FAULT") != null);
                String banner = lookup(".banner-text").queryAs(Label.class).getText();
                clickOn(".banner-text");
                Eventually.await("banner click opens its station", Duration.ofSeconds(5),
                        () -> place.get().level() == Place.Level.STATION && banner.contains(
                                place.get().station().line() + " / " + place.get().station().station()));
                clickOn("#homeButton");
                // The engine republishes as the alarm returns to normal, which may drop a selection: select again.
                for (int attempt = 0; attempt < 5 && !place.get().equals(Place.station(WELD_2)); attempt++) {
                    interact(() -> lookup(".alarm-table").<TableView<AlarmRow>>query().getSelectionModel()
                            .select(summaryRow("L2-WELD-FAULT")));
                    clickOn("#goToButton");
                    Thread.sleep(300);
                }
                assertEquals(Place.station(WELD_2), place.get(), "Go to station opens the selected alarm's station");
            } finally {
                FxToolkit.cleanupStages();
                interact(() -> window[0].dispose());
            }
        }
    }

    private AlarmRow summaryRow(String id) {
        return lookup(".alarm-table").<TableView<AlarmRow>>query().getItems().stream()
                .filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private String currentCrumb() {
        return lookup(".crumb-current").queryAs(Label.class).getText();
    }

    private static java.util.List<String> texts(Node node) {
        return node.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
    }

    private void shoot(LinesideWindow window, String name) {
        interact(() -> Screenshots.save(window.window().scene().getRoot(), name));
    }
}
