package io.lineside.app;

import static io.lineside.ui.ViewLeaks.assertCollected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.lineside.shifts.ShiftFormat;
import io.lineside.shifts.ShiftReport;
import io.lineside.testsupport.Eventually;
import io.lineside.ui.shifts.ShiftReviewViewModel;
import io.lineside.ui.window.WindowManager;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real demo composition, switched from English to Chinese with the review, workshop and alarm windows open: the
 * roots the switch replaced (main view with banner, summary, navigation, trend and sign-in; the review with shifts,
 * journal and KPIs; the workshop; the alarms) are collected, while the view-models live on and speak Chinese.
 */
class LanguageSwitchReleasesViewsIT extends FxRobot {

    private static final List<String> WINDOWS = List.of("review", "workshop", "alarms");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theViewsALanguageSwitchReplacedAreCollectedAndTheShiftReviewSpeaksTheNewLanguage() throws Exception {
        try (LiveDemo live = LiveDemo.start(dir, "switch", "admin")) {
            LinesideWindow[] window = new LinesideWindow[1];
            Stage[] stage = new Stage[1];
            interact(() -> {
                stage[0] = new Stage();
                window[0] = live.window("en");
                window[0].show(stage[0], "Lineside");
                WINDOWS.forEach(id -> window[0].windows().show(id));
            });
            ShiftReviewViewModel shifts = window[0].shifts();
            Eventually.await("the review window's shift computed", Duration.ofSeconds(20),
                    () -> shifts.reportProperty().get() != null);
            Thread.sleep(1_000); // a few pulses through every view
            String english = shifts.headerProperty().get();
            List<WeakReference<Parent>> before = roots(window[0].windows(), stage[0]);

            interact(() -> window[0].windows().switchLanguage("zh-CN"));
            Eventually.await("the rebuilt review computed its shift", Duration.ofSeconds(20),
                    () -> !shifts.busyProperty().get());

            for (int i = 0; i < before.size(); i++) {
                assertCollected(before.get(i), "the " + (i == 0 ? "main" : WINDOWS.get(i - 1))
                        + " window's root the language switch replaced");
            }
            ShiftReport shown = shifts.reportProperty().get();
            ShiftFormat chinese = new ShiftFormat(ResourceBundle.getBundle("io.lineside.i18n.messages",
                    Locale.SIMPLIFIED_CHINESE), shifts.format().zone());
            assertNotEquals(english, shifts.headerProperty().get());
            assertEquals(chinese.header(shown.period()), shifts.headerProperty().get());
            interact(() -> {
                stage[0].close();
                window[0].dispose();
            });
        }
    }

    /** Weak references to the roots shown now: the main window's, then each of {@link #WINDOWS}. */
    private List<WeakReference<Parent>> roots(WindowManager windows, Stage main) throws Exception {
        List<WeakReference<Parent>> roots = new java.util.ArrayList<>();
        interact(() -> {
            roots.add(new WeakReference<>(main.getScene().getRoot()));
            WINDOWS.forEach(id -> roots.add(new WeakReference<>(windows.show(id).getScene().getRoot())));
        });
        return roots;
    }
}
