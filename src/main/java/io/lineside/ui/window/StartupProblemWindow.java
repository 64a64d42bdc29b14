package io.lineside.ui.window;

import io.lineside.ui.Texts;
import io.lineside.ui.theme.Theme;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows a {@link StartupProblemPane} in a window of its own and waits until it is closed: for a start that failed
 * before the toolkit ran. Where no display can be opened (a service, an SSH session) it returns at once: the
 * reason is on stderr and in the log already.
 */
public final class StartupProblemWindow {

    private StartupProblemWindow() {
    }

    /** Call from the launching thread, not the FX thread; returns once the window is closed (or none could open). */
    public static void showAndWait(Texts texts, StartupProblem problem) {
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setTitle(texts.get("startup.title"));
                Scene scene = new Scene(StartupProblemPane.create(texts, problem, stage::close));
                scene.getStylesheets().setAll(Theme.LIGHT.stylesheetUrls());
                stage.setScene(scene);
                stage.setOnHidden(e -> closed.countDown());
                stage.show();
            });
        } catch (RuntimeException | Error noDisplay) { // no display, or a toolkit that cannot start here
            return;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
    }
}
