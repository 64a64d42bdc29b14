package io.lineside.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.security.AuditTrail;
import io.lineside.security.AuthResult;
import io.lineside.security.IdlePolicy;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.security.SecuredActions;
import io.lineside.security.SecurityDatabase;
import io.lineside.security.SessionManager;
import io.lineside.security.UserService;
import io.lineside.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User administration through the window's model, on a real security database; the services decide who may. */
class UsersViewModelTest {

    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path dir;
    private SecurityDatabase db;
    private AuditTrail audit;
    private UserService users;
    private SessionManager session;
    private UsersViewModel model;

    @BeforeEach
    void open() throws Exception {
        db = SecurityDatabase.open(dir);
        Clock clock = Clock.systemUTC();
        audit = new AuditTrail(db, "test-station", clock);
        users = new UserService(db, audit, new PasswordHasher(1_000), clock);
        session = new SessionManager(users, audit, clock, IdlePolicy.DEFAULT);
        model = new UsersViewModel(users, session, new SecuredActions(session, audit), audit, SAME_THREAD, SAME_THREAD,
                Texts.forLocale(Locale.ENGLISH));
        users.createFirstAdmin("admin", "admin-pw-12".toCharArray());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anAdministratorCreatesChangesDisablesAndResetsUsers() throws Exception {
        signIn("admin", "admin-pw-12");
        model.create("op1", "Operator One", Role.OPERATOR, "op1-secret-1".toCharArray(), "op1-secret-1".toCharArray());
        assertEquals("Created op1 (Operator).", model.messageProperty().get());
        assertEquals(List.of(new UsersViewModel.Row("admin", "admin", "Administrator", "Active"),
                new UsersViewModel.Row("op1", "Operator One", "Operator", "Active")), model.rows());

        model.changeRole("op1", Role.SUPERVISOR);
        model.setDisabled("op1", true);
        assertEquals(new UsersViewModel.Row("op1", "Operator One", "Supervisor", "Disabled"), model.rows().get(1));
        model.setDisabled("admin", true);
        assertTrue(model.failedProperty().get(), "the last administrator cannot be disabled");
        assertTrue(model.messageProperty().get().startsWith("Refused: "), model.messageProperty().get());

        model.setDisabled("op1", false);
        model.resetPassword("op1", "new-secret-22".toCharArray(), "new-secret-22".toCharArray());
        assertEquals("New password set for op1; any lockout is cleared.", model.messageProperty().get());
        assertTrue(users.authenticate("op1", "new-secret-22".toCharArray()) instanceof AuthResult.Success);
    }

    @Test
    void aSupervisorMayVerifyTheAuditTrailButNotManageUsers() {
        signIn("admin", "admin-pw-12");
        model.create("sup", "", Role.SUPERVISOR, "sup-secret-1".toCharArray(), "sup-secret-1".toCharArray());
        signIn("sup", "sup-secret-1");

        model.create("x", "", Role.ADMIN, "x-secret-12".toCharArray(), "x-secret-12".toCharArray());
        assertTrue(model.failedProperty().get());
        assertTrue(model.messageProperty().get().startsWith("Refused: "), model.messageProperty().get());

        model.verifyAudit();
        assertFalse(model.failedProperty().get(), model.messageProperty().get());
        assertTrue(model.messageProperty().get().startsWith("Audit trail intact: "), model.messageProperty().get());
    }

    @Test
    void mismatchedPasswordsAreCaughtBeforeAnythingIsWritten() throws Exception {
        signIn("admin", "admin-pw-12");
        long rowsBefore = audit.latest(100).size();
        model.create("op2", "", Role.OPERATOR, "op2-secret-1".toCharArray(), "op2-secret-2".toCharArray());
        assertEquals("The two passwords differ.", model.messageProperty().get());
        assertEquals(rowsBefore, audit.latest(100).size());
    }

    private void signIn(String name, String password) {
        try {
            assertTrue(session.login(name, password.toCharArray()) instanceof AuthResult.Success);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
