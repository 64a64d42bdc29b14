package io.lineside.ui.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.commands.CommandFixture;
import io.lineside.commands.CommandKind;
import io.lineside.commands.CommandNotSentException;
import io.lineside.commands.CommandService;
import io.lineside.commands.CommandSpec;
import io.lineside.commands.CommandTransport;
import io.lineside.commands.Wire;
import io.lineside.commands.WritableSignal;
import io.lineside.commands.WritableSignals;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.security.Role;
import io.lineside.stations.StationCatalog;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The faceplate's command section, headless, with a real CommandService (real security database): a confirmed
 * rate setpoint, the run action waiting for its confirmation (old → new, password), and a mode this operator may
 * not set (disabled, with the reason). Screenshots in both languages at 1280x800 and 1920x1080.
 */
class CommandControlsScreenshotTest {

    static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");
    static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static TagUpdate update(TagPath path, Object value) {
        Instant now = Instant.now();
        return new TagUpdate(path, new TagValue(value, now, now, Quality.GOOD, -1));
    }

    @ParameterizedTest
    @CsvSource({"en, 1280, 800", "zh-CN, 1280, 800", "en, 1920, 1080", "zh-CN, 1920, 1080"})
    void controlsShowLimitsConfirmStepAndOutcome(String language, int width, int height) throws Exception {
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        Duration confirm = Duration.ofSeconds(2);
        WritableSignals writable = new WritableSignals(List.of(
                WritableSignal.mqtt(Map.of(), "rate", new CommandSpec(CommandKind.SETPOINT, 50, 120, 5, List.of(),
                        Role.OPERATOR, false, confirm, Duration.ZERO, null, null, Map.of()), "x/{signal}"),
                WritableSignal.mqtt(Map.of(), "mode", new CommandSpec(CommandKind.MODE, NAN, NAN, NAN,
                        List.of("auto", "manual"), Role.SUPERVISOR, false, confirm, Duration.ZERO, null, null, Map.of()),
                        "x/{signal}"),
                WritableSignal.mqtt(Map.of(), "run", new CommandSpec(CommandKind.ACTION, NAN, NAN, NAN,
                        CommandSpec.ACTIONS, Role.OPERATOR, true, confirm, Duration.ZERO, null, "state", Map.of()),
                        "x/{signal}")));
        try (CommandFixture fx = new CommandFixture(dir.resolve("security"));
             HistoryDatabase db = HistoryDatabase.open(dir.resolve("history"))) {
            fx.login("operator");
            fx.store.describe(PRESS.signal("rate"), new TagMeta("%", 50, 120, null));
            fx.store.apply(update(PRESS.signal("state"), "running"));
            fx.store.apply(update(PRESS.signal("rate"), 100.0));
            fx.store.apply(update(PRESS.signal("speed"), 29.4));
            CommandTransport edge = new CommandTransport() { // an obeying edge, straight into the store
                public boolean connected() {
                    return true;
                }

                public void publish(Wire wire) throws CommandNotSentException {
                    fx.store.apply(update(PRESS.signal("rate"), 95.0));
                }
            };
            CommandService service = fx.service(writable, edge);
            StationViewModel model = new StationViewModel(PRESS, fx.store, new StationCatalog(List.of(), List.of(),
                    fx.store), FXCollections.observableArrayList(), StationHistory.of(new HistoryQuery(db)),
                    Runnable::run, Platform::runLater, texts);
            CommandControlsViewModel commands = new CommandControlsViewModel(PRESS, model.description(),
                    writable.all(), service, fx.store, Platform::runLater, texts);
            model.setCommands(commands);
            CommandRowViewModel rate = commands.rows().get(0);
            CommandRowViewModel mode = commands.rows().get(1);
            CommandRowViewModel run = commands.rows().get(2);
            assertEquals(List.of("rate", "mode", "run"), commands.rows().stream().map(CommandRowViewModel::label).toList());
            Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
            Map<Class<?>, Supplier<?>> controllers = Map.of(StationView.class, () -> new StationView(model, clock));
            Parent[] root = new Parent[1];
            WaitForAsyncUtils.asyncFx(() -> {
                root[0] = new ViewLoader(texts.bundle(), controllers).load(StationView.class);
                Scene scene = new Scene(root[0], width, height);
                scene.getStylesheets().add(getClass().getResource("/io/lineside/ui/lineside.css").toExternalForm());
                model.pulse(Instant.now());
                rate.inputProperty().set("95");
                rate.ask(null);
                rate.confirm(null);
            }).get();
            Eventually.await("rate confirmed", Duration.ofSeconds(5),
                    () -> rate.statusProperty().get() == CommandRowViewModel.Status.CONFIRMED);
            Path shot = WaitForAsyncUtils.asyncFx(() -> {
                run.ask("stop");
                model.pulse(Instant.now());
                root[0].applyCss();
                root[0].layout();
                assertTrue(run.questionProperty().get().contains("running \u2192 " + texts.get("cmd.action.stop")), run.questionProperty().get());
                assertTrue(mode.hintProperty().get().equals(texts.get("cmd.notPermitted")));
                boolean modeDisabled = root[0].lookupAll(".button").stream().filter(Button.class::isInstance)
                        .map(Button.class::cast).filter(b -> b.getText().equals(texts.get("cmd.set")))
                        .anyMatch(Node::isDisabled);
                assertTrue(modeDisabled, "the mode's Set button is disabled for an operator");
                List<String> texts2 = root[0].lookupAll(".command-status").stream().map(n -> ((Labeled) n).getText())
                        .toList();
                assertTrue(texts2.contains(texts.get("cmd.confirmed")), texts2.toString());
                return Screenshots.save(root[0], "commands-faceplate-" + language + "-" + width + "x" + height);
            }).get();
            assertTrue(shot.toFile().length() > 5_000);
            assertEquals("95", rate.currentProperty().get().split(" ")[0]);
            model.dispose();
            service.close();
        }
    }
}
