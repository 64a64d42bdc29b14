package io.lineside.ui.security;

import io.lineside.ui.Disposable;
import io.lineside.ui.Texts;
import io.lineside.ui.security.SessionViewModel.Mode;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.util.Subscription;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/**
 * The panel over the plant views for signing in, unlocking and creating the first administrator. It covers the
 * workshop and trend only: the alarm banner and summary stay visible and live behind no dialog.
 */
public final class SignInView implements Disposable {

    private Subscription subscriptions = Subscription.EMPTY;

    private final SessionViewModel model;
    private final Texts texts;

    @FXML
    private StackPane root;
    @FXML
    private Label heading;
    @FXML
    private Label hint;
    @FXML
    private TextField name;
    @FXML
    private PasswordField password;
    @FXML
    private Label confirmLabel;
    @FXML
    private PasswordField confirm;
    @FXML
    private Label message;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Button switchButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Button submitButton;

    public SignInView(SessionViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        message.textProperty().bind(model.messageProperty());
        busy.visibleProperty().bind(model.busyProperty());
        submitButton.disableProperty().bind(model.busyProperty());
        subscriptions = model.modeProperty().subscribe(this::show);
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    private void show(Mode mode) {
        root.setVisible(mode != Mode.NONE);
        root.setManaged(mode != Mode.NONE);
        String key = mode.name().toLowerCase(Locale.ROOT);
        heading.setText(mode == Mode.NONE ? "" : texts.get("session.heading." + key, model.lockedUserProperty().get()));
        hint.setText(mode == Mode.NONE ? "" : texts.get("session.hint." + key));
        submitButton.setText(mode == Mode.NONE ? "" : texts.get("session.submit." + key));
        visible(confirmLabel, mode == Mode.FIRST_ADMIN);
        visible(confirm, mode == Mode.FIRST_ADMIN);
        visible(switchButton, mode == Mode.UNLOCK);
        visible(cancelButton, mode == Mode.SIGN_IN);
        name.setDisable(mode == Mode.UNLOCK);
        name.setText(mode == Mode.UNLOCK ? model.lockedUserProperty().get() : "");
        password.clear();
        confirm.clear();
        if (mode != Mode.NONE) {
            (mode == Mode.UNLOCK ? password : name).requestFocus();
        }
    }

    private static void visible(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    @FXML
    private void submit() {
        char[] typed = password.getText().toCharArray();
        char[] again = confirm.getText().toCharArray();
        password.clear();
        confirm.clear();
        model.submit(name.getText(), typed, again);
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void switchUser() {
        model.switchUser();
    }
}
