package io.lineside.ui.window;

import io.lineside.ui.Texts;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What an HMI started from the desktop menu shows when it cannot start (a wrong config file, a history file in use):
 * the reason as the command line prints it (file, key, what was expected), selectable and copyable, and what to do.
 * Without it, a start that fails before the main window just never appears. FX thread only.
 */
public final class StartupProblemPane {

    private StartupProblemPane() {
    }

    /** The pane; {@code close} runs when the operator closes it. */
    public static Parent create(Texts texts, String problem, Runnable close) {
        Label heading = new Label(texts.get("startup.heading"));
        heading.getStyleClass().add("startup-heading");
        heading.setWrapText(true);
        TextArea detail = new TextArea(problem);
        detail.setId("startupProblem");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(5);
        VBox.setVgrow(detail, Priority.ALWAYS);
        Label hint = new Label(texts.get("startup.hint"));
        hint.setWrapText(true);
        Button copy = new Button(texts.get("startup.copy"));
        copy.setId("startupCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(problem);
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button closeButton = new Button(texts.get("startup.close"));
        closeButton.setId("startupClose");
        closeButton.setDefaultButton(true);
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, copy, closeButton);
        VBox box = new VBox(12, heading, detail, hint, buttons);
        box.getStyleClass().add("startup-problem");
        box.setPrefWidth(640);
        return box;
    }
}
