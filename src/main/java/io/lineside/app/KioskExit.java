package io.lineside.app;

import io.lineside.security.ActionRefusedException;
import io.lineside.security.AuthResult;
import io.lineside.security.Permission;
import io.lineside.security.SecuredActions;
import io.lineside.security.SessionManager;
import io.lineside.ui.Texts;
import io.lineside.ui.window.KioskMode;
import java.util.Optional;

/**
 * Who may leave kiosk mode: the one signing in at the kiosk dialog becomes the session's user (as at a shift
 * change), and {@link Permission#EXIT_KIOSK} is then checked and audited as {@value #ACTION}, denied or ok.
 * Blocking (password hashing, H2): call off the FX thread.
 */
final class KioskExit implements KioskMode.ExitAuthority {

    /** The audit action of leaving kiosk mode. */
    static final String ACTION = "kiosk.exit";

    private final SessionManager session;
    private final SecuredActions actions;
    private final Texts texts;

    KioskExit(SessionManager session, SecuredActions actions, Texts texts) {
        this.session = session;
        this.actions = actions;
        this.texts = texts;
    }

    @Override
    public Optional<String> authorize(String user, char[] password) {
        try {
            AuthResult result = session.login(user, password);
            if (!(result instanceof AuthResult.Success)) {
                return Optional.of(result.message());
            }
            actions.run(new SecuredActions.Command(Permission.EXIT_KIOSK, ACTION, null, null, null, null),
                    () -> null);
            return Optional.empty();
        } catch (ActionRefusedException e) {
            return Optional.of(texts.get("kiosk.refused", texts.get("role." + Permission.EXIT_KIOSK.minimumRole().name())));
        }
    }
}
