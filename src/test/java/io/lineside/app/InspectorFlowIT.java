package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.diagnostics.InspectorRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.event.ActionEvent;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The message inspector on the living demo (embedded broker, simulator, whole spine): it captures only while its
 * tab is open and not paused, shows decoded tag updates for a wildcard filter, and details a selected message.
 */
class InspectorFlowIT extends FxRobot {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void inspectorShowsLiveDemoMessagesDecodedOnlyWhileOpen(String language) throws Exception {
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        try (LiveDemo live = LiveDemo.start(dir, "inspector-it", null)) {
            Services services = live.services;
            live.security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
            LinesideWindow[] window = new LinesideWindow[1];
            FxToolkit.setupStage(stage -> {
                window[0] = live.window(texts);
                window[0].show(stage, "Lineside");
            });
            try {
                inspect(services, texts, language);
            } finally {
                FxToolkit.cleanupStages();
                interact(() -> window[0].dispose()); // closes the diagnostics window too, even after a failure
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void inspect(Services services, Texts texts, String language) throws Exception {
        Thread.sleep(1_000);
        assertEquals(0, services.inspector().version(), "nothing is captured before anyone looks");

        clickOn("#diagnosticsButton");
        Eventually.await("diagnostics window", Duration.ofSeconds(10),
                () -> lookup(".diagnostics").tryQuery().isPresent());
        TabPane tabs = lookup(".diagnostics").queryAs(TabPane.class);
        assertFalse(services.inspector().watching(), "the counters tab is open, not the inspector");
        TextField filter = lookup(".inspector .text-field").queryAs(TextField.class);
        interact(() -> { // typed while the tab is hidden, so everything captured matches it
            filter.setText("lineside/+/+/line-1/#");
            filter.fireEvent(new ActionEvent());
        });
        interact(() -> tabs.getSelectionModel().select(1));
        assertTrue(services.inspector().watching());
        TableView<InspectorRow> table = lookup(".inspector-table").queryAs(TableView.class);
        Eventually.await("live rows", Duration.ofSeconds(15), () -> table.getItems().size() >= 20);
        for (InspectorRow row : table.getItems().subList(0, 20)) {
            assertTrue(row.topic().startsWith("lineside/demo/") && row.topic().contains("/line-1/"), row.topic());
            assertFalse(row.error(), row.decoded());
        }
        interact(() -> table.getSelectionModel().select(2));
        String detail = lookup(".inspector-detail").queryAs(TextArea.class).getText();
        assertTrue(detail.contains("Tag update:"), detail);

        clickOn("#pause");
        assertEquals(texts.get("inspector.resume"), lookup("#pause").queryButton().getText());
        Thread.sleep(500); // what was already queued for the inspector's thread is still decoded
        long paused = services.inspector().version();
        Thread.sleep(1_000);
        assertEquals(paused, services.inspector().version(), "paused: nothing more is captured");
        clickOn("#pause"); // resume
        Eventually.await("capturing again", Duration.ofSeconds(5), () -> services.inspector().version() > paused);
        Thread.sleep(1_500);
        interact(() -> table.getSelectionModel().select(1));

        AtomicReference<Path> shot = new AtomicReference<>();
        Parent root = tabs;
        interact(() -> shot.set(Screenshots.save(root.getScene().getRoot(),
                "diagnostics-inspector" + (language.equals("en") ? "" : "-" + language))));
        assertTrue(shot.get().toFile().length() > 10_000);

        Window diagnostics = tabs.getScene().getWindow();
        interact(diagnostics::hide);
        assertFalse(services.inspector().watching(), "closing the window stops the capture");
    }
}
