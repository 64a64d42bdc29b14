package io.lineside.ui.security;

import io.lineside.ui.Disposable;
import io.lineside.ui.Texts;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.util.Subscription;

/** The header's user strip: who is signed in, sign in / switch user, lock, sign out. */
public final class SessionView implements Disposable {

    private final SessionViewModel model;
    private final Texts texts;
    private Subscription subscriptions = Subscription.EMPTY;

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
        // Not a bound map(): its mapper would hold this view from the session's property, past a language switch.
        subscriptions = model.signedInProperty().subscribe(
                in -> signInButton.setText(texts.get(in ? "session.switch" : "session.signIn")));
        lockButton.disableProperty().bind(model.signedInProperty().not().or(model.lockedProperty()));
        signOutButton.disableProperty().bind(model.signedInProperty().not());
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
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
