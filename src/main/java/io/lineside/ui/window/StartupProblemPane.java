package io.lineside.ui.window;

import io.lineside.ui.Texts;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What an HMI started from the desktop menu shows when it cannot start (a wrong config file, a history file in use):
 * for a config file, which file, line and key and what is wrong there, each on its own row; then the reason as the
 * command line prints it, selectable and copyable, and what to do. Without it, a start that fails before the main
 * window just never appears. FX thread only.
 */
public final class StartupProblemPane {

    private StartupProblemPane() {
    }

    /** The pane; {@code close} runs when the operator closes it. */
    public static Parent create(Texts texts, StartupProblem problem, Runnable close) {
        Label heading = new Label(texts.get("startup.heading"));
        heading.getStyleClass().add("startup-heading");
        heading.setWrapText(true);
        TextArea detail = new TextArea(problem.message());
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
            content.putString(problem.message());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button closeButton = new Button(texts.get("startup.close"));
        closeButton.setId("startupClose");
        closeButton.setDefaultButton(true);
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, copy, closeButton);
        VBox box = new VBox(12, heading);
        if (problem.hasFile()) {
            box.getChildren().add(where(texts, problem));
        }
        box.getChildren().addAll(detail, hint, buttons);
        box.getStyleClass().add("startup-problem");
        box.setPrefWidth(640);
        return box;
    }

    /** File, line, key and what is wrong, one row each: what an engineer looks for first. */
    private static GridPane where(Texts texts, StartupProblem problem) {
        GridPane grid = new GridPane();
        grid.setId("startupWhere");
        grid.setHgap(12);
        grid.setVgap(4);
        int row = 0;
        row = add(grid, row, texts.get("startup.file"), problem.file(), "startupFile");
        if (problem.line() > 0) {
            row = add(grid, row, texts.get("startup.line"), Integer.toString(problem.line()), "startupLine");
        }
        if (!problem.key().isEmpty()) {
            row = add(grid, row, texts.get("startup.key"), problem.key(), "startupKey");
        }
        add(grid, row, texts.get("startup.problem"), problem.problem(), "startupWhat");
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
        return grid;
    }

    private static int add(GridPane grid, int row, String name, String value, String id) {
        Label label = new Label(name);
        label.getStyleClass().add("startup-field");
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.setId(id);
        text.setWrapText(true);
        grid.addRow(row, label, text);
        return row + 1;
    }
}
