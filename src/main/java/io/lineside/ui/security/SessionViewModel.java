package io.lineside.ui.security;

import io.lineside.ui.Lifecycle;
import io.lineside.security.ActionRefusedException;
import io.lineside.security.AuthResult;
import io.lineside.security.SecurityStoreException;
import io.lineside.security.SessionManager;
import io.lineside.security.SessionState;
import io.lineside.security.User;
import io.lineside.security.UserService;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Who is signed in, and the sign-in / unlock / first-administrator panel. The panel covers the plant views only,
 * never the alarm banner. Password checks are slow on purpose, so they run on {@code background} and report back
 * through {@code fx}. FX thread only (session changes from other threads arrive through {@code fx}).
 */
public final class SessionViewModel implements Lifecycle {

    /** What the panel over the plant views asks for. */
    public enum Mode { NONE, SIGN_IN, UNLOCK, FIRST_ADMIN }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final SessionManager session;
    private final UserService users;
    /** Password checks; their busy flag is {@link #busyProperty()}. */
    private final BackgroundTasks checks;
    private final Texts texts;
    private final ZoneId zone;
    private final Runnable unsubscribe;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NONE);
    private final ReadOnlyStringWrapper userText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper lockedUser = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Runnable onOpenUsers = () -> { };

    public SessionViewModel(SessionManager session, UserService users, Executor background, Executor fx, Texts texts,
                            ZoneId zone) {
        this.session = session;
        this.users = users;
        this.checks = new BackgroundTasks(background, fx);
        this.texts = texts;
        this.zone = zone;
        this.unsubscribe = session.addListener(state -> fx.execute(() -> show(state)));
        show(session.state());
        // Not a password check: the start-up question does not show as busy. The store reports its own failures.
        new BackgroundTasks(background, fx).run(this::needsFirstAdmin, first -> {
            if (first) {
                mode.set(Mode.FIRST_ADMIN);
            }
        }, failure -> { });
    }

    /** "operator · Operator" or "Not signed in". */
    public ReadOnlyStringProperty userTextProperty() {
        return userText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** The user whose session is locked (the unlock panel asks for their password). */
    public ReadOnlyStringProperty lockedUserProperty() {
        return lockedUser.getReadOnlyProperty();
    }

    /** True while a password is being checked. */
    public ReadOnlyBooleanProperty busyProperty() {
        return checks.busyProperty();
    }

    /** Why the last attempt failed, in operator words, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Where {@link #openUsers()} goes (the window that hosts this model sets it). */
    public void setOnOpenUsers(Runnable onOpenUsers) {
        this.onOpenUsers = onOpenUsers;
    }

    // Commands

    /** Opens user administration and audit verification (which check their own permissions). */
    public void openUsers() {
        onOpenUsers.run();
    }

    /** Opens the sign-in panel (also the shift-change user switch). */
    public void requestSignIn() {
        if (mode.get() == Mode.NONE) {
            message.set("");
            mode.set(Mode.SIGN_IN);
        }
    }

    /** Closes the sign-in panel (back to the unlock panel if locked); an unlock or first-run panel stays. */
    public void cancel() {
        if (mode.get() == Mode.SIGN_IN) {
            mode.set(session.state().locked() ? Mode.UNLOCK : Mode.NONE);
            message.set("");
        }
    }

    /** From the unlock panel: another user takes over (the locked session ends when they sign in). */
    public void switchUser() {
        if (mode.get() == Mode.UNLOCK) {
            message.set("");
            mode.set(Mode.SIGN_IN);
        }
    }

    public void lock() {
        session.lock();
    }

    public void signOut() {
        session.logout();
    }

    /** Submits the panel: sign in, unlock, or create the first administrator ({@code confirm} only there). */
    public void submit(String name, char[] password, char[] confirm) {
        Mode current = mode.get();
        if (checks.busyProperty().get() || current == Mode.NONE) {
            return;
        }
        if (current == Mode.FIRST_ADMIN && !Arrays.equals(password, confirm)) {
            message.set(texts.get("session.mismatch"));
            return;
        }
        message.set("");
        checks.run(() -> {
            try {
                return Optional.ofNullable(attempt(current, name, password));
            } finally {
                clear(password, confirm);
            }
        }, failure -> done(failure.orElse(null)), failure -> {
            clear(password, confirm); // the check never ran (refused) or broke (an Error): the secrets go anyway
            done(texts.get("session.refused", BackgroundTasks.describe(failure)));
        });
    }

    private static void clear(char[] password, char[] confirm) {
        Arrays.fill(password, '\0');
        if (confirm != null) {
            Arrays.fill(confirm, '\0');
        }
    }

    /** Detaches from the session. */
    @Override
    public void dispose() {
        unsubscribe.run();
    }

    /** Runs on the background executor; returns the operator message of a failure, or null. */
    private String attempt(Mode current, String name, char[] password) {
        try {
            AuthResult result = switch (current) {
                case UNLOCK -> session.unlock(password);
                case FIRST_ADMIN -> {
                    users.createFirstAdmin(name.strip(), password);
                    yield session.login(name.strip(), password);
                }
                default -> session.login(name.strip(), password);
            };
            return describe(result);
        } catch (ActionRefusedException e) {
            return texts.get("session.refused", e.getMessage());
        } catch (RuntimeException e) {
            return texts.get("session.refused", e.getMessage());
        }
    }

    private String describe(AuthResult result) {
        return switch (result) {
            case AuthResult.Success s -> null;
            case AuthResult.InvalidCredentials c -> texts.get("session.invalid");
            case AuthResult.LockedOut l -> texts.get("session.lockedOut", TIME.format(l.until().atZone(zone)));
            case AuthResult.Disabled d -> texts.get("session.disabled");
        };
    }

    private void done(String failure) {
        if (failure == null) {
            message.set("");
            mode.set(session.state().locked() ? Mode.UNLOCK : Mode.NONE);
        } else {
            message.set(failure);
        }
    }

    /** Re-formats the user strip in the current language of {@link Texts} (after a language switch). FX thread only. */
    @Override
    public void relocalize() {
        show(session.state());
    }

    private void show(SessionState state) {
        signedIn.set(state.user().isPresent());
        locked.set(state.locked());
        lockedUser.set(state.locked() ? state.user().map(User::name).orElse("") : "");
        userText.set(state.user().map(u -> texts.get("session.user", u.name(), texts.get("role." + u.role().name())))
                .orElse(texts.get("session.nobody")));
        if (state.locked() && mode.get() != Mode.SIGN_IN) {
            message.set("");
            mode.set(Mode.UNLOCK);
        } else if (!state.locked() && mode.get() == Mode.UNLOCK) {
            mode.set(Mode.NONE);
        }
    }

    private boolean needsFirstAdmin() {
        try {
            return users.needsFirstAdmin();
        } catch (SecurityStoreException e) {
            return false; // the security store reports its own failure at start
        }
    }
}
