package io.lineside.ui.window;

import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;

/**
 * Kiosk mode for a shop-floor station: the main window fills the screen without decorations, the full-screen exit
 * key and hint are off, and every close request (the window manager's close, Alt+F4) is refused until an engineer
 * signs in through {@link KioskExitDialog}. FX thread only; the sign-in check runs on the background executor.
 */
public final class KioskMode {

    /** Checks an engineer's sign-in and records the exit. Called off the FX thread (password hashing, audit). */
    @FunctionalInterface
    public interface ExitAuthority {
        /** Empty if {@code user} may leave kiosk mode (and it is audited), else why not, in the UI's words. */
        Optional<String> authorize(String user, char[] password);
    }

    private final Stage stage;
    private final ExitAuthority authority;
    private final Texts texts;
    private final BackgroundTasks checks;
    private boolean exitAllowed;

    /** Prepares {@code stage}; call before it is first shown (the style cannot change afterwards). */
    public KioskMode(Stage stage, ExitAuthority authority, Texts texts, Executor background, Executor fx) {
        this.stage = stage;
        this.authority = authority;
        this.texts = texts;
        this.checks = new BackgroundTasks(background, fx);
        if (!stage.isShowing()) {
            stage.initStyle(StageStyle.UNDECORATED);
        }
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, this::onCloseRequest);
    }

    /** True once an engineer has signed the station out of kiosk mode. */
    public boolean exitAllowed() {
        return exitAllowed;
    }

    /** Asks for an engineer's sign-in; on success the window closes (and with it the app). */
    public void requestExit() {
        new KioskExitDialog(stage, texts, this::tryExit).show();
    }

    private void onCloseRequest(WindowEvent e) {
        if (!exitAllowed) {
            e.consume();
            requestExit();
        }
    }

    /** Runs the check in the background and reports back on the FX thread: empty on success, else the reason. */
    void tryExit(String user, char[] password, java.util.function.Consumer<Optional<String>> result) {
        checks.run(() -> {
            try {
                return authority.authorize(user, password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }, outcome -> {
            if (outcome.isEmpty()) {
                exitAllowed = true;
                stage.setFullScreen(false);
                stage.close();
            }
            result.accept(outcome);
        }, failure -> { // the check broke or was refused: the station stays in kiosk mode and says why
            java.util.Arrays.fill(password, '\0');
            result.accept(Optional.of(texts.get("kiosk.failed", BackgroundTasks.describe(failure))));
        });
    }
}
