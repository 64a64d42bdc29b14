package io.lineside.ui.security;

import io.lineside.ui.Texts;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** The header's user strip: who is signed in, sign in / switch user, lock, sign out. */
public final class SessionView {

    private final SessionViewModel model;
    private final Texts texts;

    @FXML
    private Label userText;
    @FXML
    private Button signInButton;
    @FXML
    private Button lockButton;
    @FXML
    private Button signOutButton;

    public SessionView(SessionViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        userText.textProperty().bind(model.userTextProperty());
        signInButton.textProperty().bind(model.signedInProperty().map(
                in -> texts.get(in ? "session.switch" : "session.signIn")));
        lockButton.disableProperty().bind(model.signedInProperty().not().or(model.lockedProperty()));
        signOutButton.disableProperty().bind(model.signedInProperty().not());
    }

    @FXML
    private void signIn() {
        model.requestSignIn();
    }

    @FXML
    private void lock() {
        model.lock();
    }

    @FXML
    private void openUsers() {
        model.openUsers();
    }

    @FXML
    private void signOut() {
        model.signOut();
    }
}
