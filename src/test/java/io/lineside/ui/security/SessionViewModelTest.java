package io.lineside.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.security.AuditTrail;
import io.lineside.security.IdlePolicy;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.security.SecurityDatabase;
import io.lineside.security.SessionManager;
import io.lineside.security.UserService;
import io.lineside.ui.Texts;
import io.lineside.ui.security.SessionViewModel.Mode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session panel's logic on a real security database, with same-thread executors instead of the toolkit. */
class SessionViewModelTest {

    private static final Executor SAME_THREAD = Runnable::run;
    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");

    @TempDir
    Path dir;
    private SecurityDatabase db;
    private UserService users;
    private SessionManager session;
    private SessionViewModel model;

    @BeforeEach
    void open() throws Exception {
        db = SecurityDatabase.open(dir);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        AuditTrail audit = new AuditTrail(db, "test-station", clock);
        users = new UserService(db, audit, new PasswordHasher(1_000), clock);
        session = new SessionManager(users, audit, clock, IdlePolicy.DEFAULT);
        model = new SessionViewModel(session, users, SAME_THREAD, SAME_THREAD, Texts.forLocale(Locale.ENGLISH),
                ZoneId.of("UTC"));
    }

    @AfterEach
    void close() {
        model.dispose();
        db.close();
    }

    @Test
    void aWorkstationWithoutUsersAsksForTheFirstAdministratorAndSignsHimIn() {
        assertEquals(Mode.FIRST_ADMIN, model.modeProperty().get());
        model.cancel();
        assertEquals(Mode.FIRST_ADMIN, model.modeProperty().get(), "the first-run panel cannot be dismissed");

        model.submit("chief", "long-enough-1".toCharArray(), "long-enough-2".toCharArray());
        assertEquals("The two passwords differ.", model.messageProperty().get());

        model.submit("chief", "short".toCharArray(), "short".toCharArray());
        assertTrue(model.messageProperty().get().startsWith("Refused: "), model.messageProperty().get());
        assertEquals(Mode.FIRST_ADMIN, model.modeProperty().get());

        model.submit("chief", "long-enough-1".toCharArray(), "long-enough-1".toCharArray());
        assertEquals(Mode.NONE, model.modeProperty().get());
        assertEquals("chief \u00B7 Administrator", model.userTextProperty().get());
        assertTrue(model.signedInProperty().get());
    }

    @Test
    void aLockedSessionAsksForThatUsersPasswordAndOffersASwitch() throws Exception {
        createOperator();
        assertEquals(Mode.NONE, model.modeProperty().get());
        assertEquals("Not signed in (view only)", model.userTextProperty().get());
        model.requestSignIn();
        model.submit("op1", "operator-pw-1".toCharArray(), new char[0]);
        assertEquals("op1 \u00B7 Operator", model.userTextProperty().get());

        model.lock();
        assertEquals(Mode.UNLOCK, model.modeProperty().get());
        assertEquals("op1", model.lockedUserProperty().get());
        model.submit("op1", "wrong-password".toCharArray(), new char[0]);
        assertEquals("Unknown user name or wrong password.", model.messageProperty().get());
        assertTrue(model.lockedProperty().get());

        model.switchUser();
        assertEquals(Mode.SIGN_IN, model.modeProperty().get());
        model.cancel();
        assertEquals(Mode.UNLOCK, model.modeProperty().get(), "cancelling a switch goes back to the lock");

        model.submit("op1", "operator-pw-1".toCharArray(), new char[0]);
        assertEquals(Mode.NONE, model.modeProperty().get());
        assertFalse(model.lockedProperty().get());
    }

    @Test
    void theIdleTimeoutOfTheRoleLocksThePanelFromAnotherThread() throws Exception {
        createOperator();
        model.requestSignIn();
        model.submit("op1", "operator-pw-1".toCharArray(), new char[0]);
        session.checkIdle(T0.plus(Duration.ofMinutes(14)));
        assertEquals(Mode.NONE, model.modeProperty().get());
        session.checkIdle(T0.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertEquals(Mode.UNLOCK, model.modeProperty().get());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndSayUntilWhen() throws Exception {
        createOperator();
        for (int i = 0; i < 5; i++) {
            model.requestSignIn();
            model.submit("op1", "nope-nope".toCharArray(), new char[0]);
        }
        assertEquals("Too many failed attempts: this account is locked until 06:15.", model.messageProperty().get());
        model.submit("op1", "operator-pw-1".toCharArray(), new char[0]);
        assertEquals("Too many failed attempts: this account is locked until 06:15.", model.messageProperty().get(),
                "the right password does not help while locked out");
        assertFalse(model.signedInProperty().get());
    }

    private void createOperator() throws Exception {
        users.createFirstAdmin("admin", "admin-pw-12".toCharArray());
        SessionManager admin = new SessionManager(users, new AuditTrail(db, "test-station", Clock.systemUTC()),
                Clock.systemUTC(), IdlePolicy.DEFAULT);
        admin.login("admin", "admin-pw-12".toCharArray());
        users.createUser(admin, "op1", "Operator One", Role.OPERATOR, "operator-pw-1".toCharArray());
        admin.logout();
        model.dispose();
        model = new SessionViewModel(session, users, SAME_THREAD, SAME_THREAD, Texts.forLocale(Locale.ENGLISH),
                ZoneId.of("UTC"));
    }

    @Test
    void aClosedAuthThreadEndsTheAttemptWithItsReasonAndStillWipesThePasswords() {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        SessionViewModel closing = new SessionViewModel(session, users, work -> {
            if (closed.get()) {
                throw new java.util.concurrent.RejectedExecutionException("auth thread closed");
            }
            work.run();
        }, SAME_THREAD, Texts.forLocale(Locale.ENGLISH), ZoneId.of("UTC"));
        try {
            assertEquals(Mode.FIRST_ADMIN, closing.modeProperty().get(), "the start-up check ran");
            closed.set(true);
            char[] password = "long-enough-1".toCharArray();
            char[] confirm = "long-enough-1".toCharArray();
            closing.submit("chief", password, confirm);
            assertEquals("Refused: auth thread closed", closing.messageProperty().get());
            assertFalse(closing.busyProperty().get(), "the sign-in button is usable again");
            assertTrue(new String(password).chars().allMatch(c -> c == 0), "password wiped");
            assertTrue(new String(confirm).chars().allMatch(c -> c == 0), "confirmation wiped");
            assertFalse(session.state().user().isPresent());
        } finally {
            closing.dispose();
        }
    }
}
