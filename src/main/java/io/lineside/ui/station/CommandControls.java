package io.lineside.ui.station;

import io.lineside.commands.CommandKind;
import io.lineside.ui.Texts;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The faceplate's command section, bound to a {@link CommandControlsViewModel}: per writable signal its value now,
 * a setpoint entry with unit and limits, a mode selector or start/stop/reset buttons, an inline confirm step (target,
 * old → new, the password for a critical signal; Enter confirms, Esc cancels) and the outcome. No logic of its own.
 */
public final class CommandControls extends VBox {

    public CommandControls(CommandControlsViewModel model, Texts texts) {
        getStyleClass().addAll("faceplate-section", "command-controls");
        setSpacing(6);
        Label title = new Label(texts.get("cmd.section"));
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        model.rows().forEach(row -> getChildren().add(row(row, texts)));
    }

    private static Node row(CommandRowViewModel row, Texts texts) {
        Label name = new Label(row.label());
        name.getStyleClass().add("command-name");
        name.setMinWidth(110);
        Label value = new Label();
        value.getStyleClass().add("command-value");
        value.textProperty().bind(row.currentProperty());
        value.setMinWidth(80);
        HBox controls = new HBox(6);
        controls.setAlignment(Pos.CENTER_LEFT);
        if (row.kind() == CommandKind.SETPOINT) {
            TextField entry = new TextField();
            entry.setPrefColumnCount(6);
            entry.setPromptText(row.unit());
            entry.textProperty().bindBidirectional(row.inputProperty());
            entry.setOnAction(e -> row.ask(null));
            entry.disableProperty().bind(row.usableProperty().not());
            Button set = new Button(texts.get("cmd.set"));
            set.setOnAction(e -> row.ask(null));
            set.disableProperty().bind(row.usableProperty().not());
            Label limits = new Label(row.limits());
            limits.getStyleClass().add("command-limits");
            controls.getChildren().addAll(entry, new Label(row.unit()), set, limits);
        } else if (row.kind() == CommandKind.MODE) {
            ComboBox<String> modes = new ComboBox<>();
            modes.getItems().setAll(row.choices());
            modes.disableProperty().bind(row.usableProperty().not());
            Button set = new Button(texts.get("cmd.set"));
            set.setOnAction(e -> row.ask(modes.getValue()));
            set.disableProperty().bind(row.usableProperty().not().or(modes.valueProperty().isNull()));
            controls.getChildren().addAll(modes, set);
        } else {
            for (String action : row.choices()) {
                Button b = new Button(row.actionText(action));
                b.getStyleClass().add("command-action-" + action);
                b.setOnAction(e -> row.ask(action));
                b.disableProperty().bind(row.usableProperty().not());
                controls.getChildren().add(b);
            }
        }
        Label status = new Label();
        status.getStyleClass().add("command-status");
        status.textProperty().bind(row.statusTextProperty());
        status.setWrapText(true);
        row.statusProperty().addListener((o, old, now) -> {
            status.getStyleClass().removeIf(c -> c.startsWith("command-status-"));
            status.getStyleClass().add("command-status-" + now.name().toLowerCase(java.util.Locale.ROOT));
        });
        Label hint = new Label();
        hint.getStyleClass().add("command-hint");
        hint.textProperty().bind(row.hintProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(10, name, value, controls, gap, hint);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, line, confirmBar(row, texts), status);
    }

    /** The second step: shown while a write waits for its confirmation. */
    private static Node confirmBar(CommandRowViewModel row, Texts texts) {
        Label question = new Label();
        question.getStyleClass().add("command-question");
        question.textProperty().bind(row.questionProperty());
        PasswordField password = new PasswordField();
        password.setPromptText(texts.get("cmd.password"));
        password.setVisible(row.critical());
        password.setManaged(row.critical());
        Button confirm = new Button(texts.get("cmd.confirm"));
        confirm.getStyleClass().add("command-confirm");
        Button cancel = new Button(texts.get("cmd.cancel"));
        Runnable send = () -> {
            row.confirm(row.critical() ? password.getText().toCharArray() : null);
            password.clear();
        };
        confirm.setOnAction(e -> send.run());
        password.setOnAction(e -> send.run());
        cancel.setOnAction(e -> {
            password.clear();
            row.cancel();
        });
        HBox bar = new HBox(8, question, password, confirm, cancel);
        bar.getStyleClass().add("command-confirm-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(row.askingProperty());
        bar.managedProperty().bind(row.askingProperty());
        bar.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel.fire();
                e.consume();
            }
        });
        row.askingProperty().addListener((o, was, now) -> {
            if (now) {
                (row.critical() ? password : confirm).requestFocus();
            }
        });
        return bar;
    }
}
