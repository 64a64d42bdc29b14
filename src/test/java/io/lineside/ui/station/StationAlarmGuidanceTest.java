package io.lineside.ui.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.DiscreteCondition;
import io.lineside.alarms.Guidance;
import io.lineside.alarms.Priority;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.stations.StationCatalog;
import io.lineside.tags.StationId;
import io.lineside.tags.TagStore;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.alarms.AlarmRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;

/**
 * The faceplate shows each active alarm of its station with its guidance (cause, consequence, corrective action),
 * the same text as the summary's detail line, whole (wrapped, never elided); writes
 * target/screenshots/station-alarms-*.png (en and zh-CN, 1280x800 and 1920x1080).
 */
class StationAlarmGuidanceTest {

    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static AlarmRow row(String id, Priority p, Optional<Guidance> guidance) {
        AlarmDefinition s = AlarmDefinition.simple(id, PRESS.signal("state"), p, new DiscreteCondition("fault", null));
        AlarmDefinition d = new AlarmDefinition(id, s.tag(), PRESS, p, s.condition(), Duration.ZERO, Duration.ZERO,
                false, Duration.ZERO, Duration.ofHours(8), Map.of("en", "Press stopped on a fault",
                "zh-CN", "\u538B\u673A\u6545\u969C\u505C\u673A"), guidance, Optional.empty());
        ActiveAlarm a = new ActiveAlarm(id, AlarmState.UNACK, p, PRESS.toString(), PRESS.signal("state").toString(),
                "fault", NOW, 1, false, d);
        return new AlarmRow(a, "\u25B2 " + p.displayName(), "08:00:00", "press", "Press stopped on a fault", "fault",
                "\u25C9 Unacknowledged", "", "");
    }

    @ParameterizedTest
    @CsvSource({"en, 1280, 800", "zh-CN, 1280, 800", "en, 1920, 1080", "zh-CN, 1920, 1080"})
    void eachActiveAlarmShowsItsGuidance(String language, int width, int height) throws Exception {
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        ObservableList<AlarmRow> summary = FXCollections.observableArrayList(
                row("PRESS-FAULT", Priority.HIGH, Optional.of(new Guidance(
                        "Die jammed or the light curtain tripped during the stroke",
                        "The line starves within minutes and the parts in the die are scrap",
                        "Clear the die, reset the light curtain, then restart the press from its panel",
                        Duration.ofMinutes(5)))),
                row("PRESS-DOOR", Priority.LOW, Optional.empty()));
        TagStore store = new TagStore();
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            StationViewModel model = new StationViewModel(PRESS, store, new StationCatalog(List.of(), List.of(), store),
                    summary, StationHistory.of(new HistoryQuery(db)), Runnable::run, Runnable::run, texts);
            String guidance = model.guidance(summary.get(0));
            assertTrue(guidance.contains("Die jammed") && guidance.contains("The line starves")
                    && guidance.contains("Clear the die") && guidance.contains("5"), guidance);
            assertEquals(texts.get("summary.detailNoGuidance"), model.guidance(summary.get(1)));
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            Map<Class<?>, Supplier<?>> controllers = Map.of(StationView.class, () -> new StationView(model, clock));
            List<String> shown = new ArrayList<>();
            List<String> elided = new ArrayList<>();
            Path shot = FxToolkit.setupFixture(() -> {
                Parent root = new ViewLoader(texts.bundle(), controllers).load(StationView.class);
                Scene scene = new Scene(root, width, height);
                scene.getStylesheets().add(getClass().getResource("/io/lineside/ui/lineside.css").toExternalForm());
                model.pulse(NOW);
                root.applyCss();
                root.layout();
                for (Node n : root.lookupAll(".station-alarm-guidance")) {
                    Label l = (Label) n;
                    if (!l.isVisible() || l.getScene() == null) {
                        continue;
                    }
                    shown.add(l.getText());
                    String drawn = l.lookupAll(".text").stream().filter(Text.class::isInstance)
                            .map(t -> ((Text) t).getText()).reduce("", String::concat);
                    if (!drawn.replaceAll("\\s", "").equals(l.getText().replaceAll("\\s", ""))) {
                        elided.add(l.getText() + " drawn as " + drawn);
                    }
                }
                return Screenshots.save(root, "station-alarms-" + language + "-" + width + "x" + height);
            });
            assertTrue(shot.toFile().length() > 5_000);
            assertTrue(shown.contains(guidance), "the faceplate shows the guidance: " + shown);
            assertTrue(shown.contains(texts.get("summary.detailNoGuidance")), shown.toString());
            assertTrue(elided.isEmpty(), "elided: " + elided);
            assertFalse(shown.isEmpty());
            model.dispose();
        }
    }
}
