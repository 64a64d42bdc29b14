package io.lineside.ui.window;

import io.lineside.ui.Texts;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/** The engineer sign-in that ends kiosk mode: user, password, and why it was refused. FX thread only. */
final class KioskExitDialog {

    /** Checks the sign-in and reports the outcome (empty = allowed) back on the FX thread. */
    @FunctionalInterface
    interface Check {
        void run(String user, char[] password, Consumer<Optional<String>> result);
    }

    private final Stage dialog = new Stage();

    KioskExitDialog(Stage owner, Texts texts, Check check) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.initStyle(StageStyle.UTILITY);
        dialog.setTitle(texts.get("kiosk.exitTitle"));
        Label hint = new Label(texts.get("kiosk.exitHint"));
        hint.setWrapText(true);
        TextField user = new TextField();
        user.setId("kioskUser");
        user.setPromptText(texts.get("kiosk.user"));
        PasswordField password = new PasswordField();
        password.setId("kioskPassword");
        password.setPromptText(texts.get("kiosk.password"));
        Label message = new Label();
        message.getStyleClass().add("kiosk-exit-message");
        Button exit = new Button(texts.get("kiosk.exitConfirm"));
        exit.setId("kioskExit");
        exit.setDefaultButton(true);
        Button cancel = new Button(texts.get("kiosk.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> dialog.close());
        exit.setOnAction(e -> {
            exit.setDisable(true);
            message.setText(texts.get("kiosk.checking"));
            check.run(user.getText().strip(), password.getText().toCharArray(), refused -> {
                exit.setDisable(false);
                password.clear();
                refused.ifPresentOrElse(message::setText, dialog::close);
            });
        });
        VBox box = new VBox(hint, user, password, new HBox(8, exit, cancel), message);
        box.getStyleClass().add("kiosk-exit-dialog");
        box.setPrefWidth(360);
        Scene scene = new Scene(box);
        scene.getStylesheets().setAll(owner.getScene() == null ? java.util.List.of()
                : owner.getScene().getStylesheets());
        dialog.setScene(scene);
    }

    void show() {
        dialog.show();
    }
}
