package io.lineside.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserServiceTest {

    @TempDir
    Path dir;
    private SecurityFixture fx;

    @BeforeEach
    void open() throws Exception {
        fx = new SecurityFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void firstAdminIsCreatedOnlyOnceAndOnlyWithAnAcceptablePassword() throws Exception {
        assertTrue(fx.users.needsFirstAdmin());
        UserAdminException weak = assertThrows(UserAdminException.class,
                () -> fx.users.createFirstAdmin("boss", "short".toCharArray()));
        assertTrue(weak.getMessage().contains("at least 8"), weak.getMessage());
        assertTrue(fx.users.needsFirstAdmin());

        User admin = fx.users.createFirstAdmin("boss", "boss-secret-1".toCharArray());
        assertEquals(Role.ADMIN, admin.role());
        assertFalse(fx.users.needsFirstAdmin());
        assertEquals(AuditActions.FIRST_ADMIN, fx.lastAudit().entry().action());

        UserAdminException again = assertThrows(UserAdminException.class,
                () -> fx.users.createFirstAdmin("intruder", "intruder-pass".toCharArray()));
        assertTrue(again.getMessage().contains("only once"), again.getMessage());
        assertEquals(AuditResult.FAILED, fx.lastAudit().entry().result());
        assertInstanceOf(AuthResult.InvalidCredentials.class,
                fx.users.authenticate("intruder", "intruder-pass".toCharArray()));
        assertInstanceOf(AuthResult.Success.class, fx.users.authenticate("BOSS", "boss-secret-1".toCharArray()),
                "names are looked up ignoring case");
    }

    @Test
    void unknownUserAndWrongPasswordAreIndistinguishableButBothAudited() throws Exception {
        fx.withAdmin();
        AuthResult unknown = fx.users.authenticate("nobody-here", "whatever-1".toCharArray());
        AuditRecord unknownRow = fx.lastAudit();
        AuthResult wrong = fx.users.authenticate(SecurityFixture.ADMIN, "whatever-1".toCharArray());
        AuditRecord wrongRow = fx.lastAudit();
        assertEquals(unknown, wrong);
        assertEquals(unknown.message(), wrong.message());
        assertEquals(AuditResult.DENIED, unknownRow.entry().result());
        assertEquals("unknown user name", unknownRow.entry().note());
        assertEquals(AuditResult.DENIED, wrongRow.entry().result());
        assertTrue(wrongRow.entry().note().startsWith("wrong password (1 consecutive)"), wrongRow.entry().note());
    }

    @Test
    void fiveFailuresLockForFifteenMinutesCountingAttemptsWhileLocked() throws Exception {
        fx.withAdmin();
        fx.addUser("op", Role.OPERATOR);
        for (int i = 1; i < UserService.MAX_FAILURES; i++) {
            assertInstanceOf(AuthResult.InvalidCredentials.class, fx.users.authenticate("op", "bad-pass-x".toCharArray()));
        }
        AuthResult fifth = fx.users.authenticate("op", "bad-pass-x".toCharArray());
        AuthResult.LockedOut locked = assertInstanceOf(AuthResult.LockedOut.class, fifth);
        assertEquals(fx.clock.instant().plus(UserService.LOCKOUT), locked.until());

        fx.clock.advance(Duration.ofMinutes(14));
        assertEquals(locked, fx.users.authenticate("op", SecurityFixture.password("op")),
                "even the right password is not checked while locked");
        assertTrue(fx.lastAudit().entry().note().startsWith("attempt while locked (6 consecutive)"),
                fx.lastAudit().entry().note());

        fx.clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(AuthResult.Success.class, fx.users.authenticate("op", SecurityFixture.password("op")),
                "the lock ends after 15 minutes");
        for (int i = 1; i < UserService.MAX_FAILURES; i++) {
            assertInstanceOf(AuthResult.InvalidCredentials.class, fx.users.authenticate("op", "bad-pass-x".toCharArray()),
                    "a success starts the count again");
        }
    }

    @Test
    void afterALockExpiresTheNextFailureLocksAgain() throws Exception {
        fx.withAdmin();
        fx.addUser("op", Role.OPERATOR);
        for (int i = 0; i < UserService.MAX_FAILURES; i++) {
            fx.users.authenticate("op", "bad-pass-x".toCharArray());
        }
        fx.clock.advance(UserService.LOCKOUT);
        AuthResult r = fx.users.authenticate("op", "bad-pass-x".toCharArray());
        assertEquals(new AuthResult.LockedOut(fx.clock.instant().plus(UserService.LOCKOUT)), r);
    }

    @Test
    void passwordResetByAnAdminEndsTheLockout() throws Exception {
        fx.withAdmin();
        fx.addUser("op", Role.OPERATOR);
        for (int i = 0; i < UserService.MAX_FAILURES; i++) {
            fx.users.authenticate("op", "bad-pass-x".toCharArray());
        }
        fx.users.resetPassword(fx.session, "op", "fresh-pass-2".toCharArray());
        assertInstanceOf(AuthResult.Success.class, fx.users.authenticate("op", "fresh-pass-2".toCharArray()));
        assertInstanceOf(AuthResult.InvalidCredentials.class, fx.users.authenticate("op", SecurityFixture.password("op")));
    }

    @Test
    void disabledUserIsRefusedAndEnabledAgainCanLogIn() throws Exception {
        fx.withAdmin();
        fx.addUser("op", Role.OPERATOR);
        fx.users.disable(fx.session, "op");
        assertInstanceOf(AuthResult.Disabled.class, fx.users.authenticate("op", SecurityFixture.password("op")));
        assertInstanceOf(AuthResult.InvalidCredentials.class, fx.users.authenticate("op", "bad-pass-x".toCharArray()),
                "a wrong password does not tell that the user exists but is disabled");
        fx.users.enable(fx.session, "op");
        assertInstanceOf(AuthResult.Success.class, fx.users.authenticate("op", SecurityFixture.password("op")));
    }

    @Test
    void lastEnabledAdminCanBeNeitherDemotedNorDisabled() throws Exception {
        fx.withAdmin();
        UserAdminException demote = assertThrows(UserAdminException.class,
                () -> fx.users.changeRole(fx.session, SecurityFixture.ADMIN, Role.ENGINEER));
        assertTrue(demote.getMessage().contains("last enabled administrator"), demote.getMessage());
        assertEquals(AuditResult.FAILED, fx.lastAudit().entry().result());
        assertThrows(UserAdminException.class, () -> fx.users.disable(fx.session, SecurityFixture.ADMIN));

        fx.addUser("second", Role.ADMIN);
        fx.users.disable(fx.session, "second");
        assertThrows(UserAdminException.class, () -> fx.users.changeRole(fx.session, SecurityFixture.ADMIN, Role.VIEWER),
                "a disabled admin does not count");
        fx.users.enable(fx.session, "second");
        fx.users.changeRole(fx.session, SecurityFixture.ADMIN, Role.ENGINEER);
        AuditRecord row = fx.lastAudit();
        assertEquals(AuditActions.CHANGE_ROLE, row.entry().action());
        assertEquals("ADMIN", row.entry().oldValue());
        assertEquals("ENGINEER", row.entry().newValue());
    }

    @Test
    void userManagementNeedsManageUsersAndDeniedAttemptsAreAudited() throws Exception {
        fx.withAdmin();
        fx.addUser("eng", Role.ENGINEER);
        fx.login("eng", SecurityFixture.password("eng"));
        List<Executable> attempts = List.of(
                () -> fx.users.createUser(fx.session, "new", null, Role.OPERATOR, "new-pass-12".toCharArray()),
                () -> fx.users.changeRole(fx.session, "eng", Role.ADMIN),
                () -> fx.users.disable(fx.session, SecurityFixture.ADMIN),
                () -> fx.users.enable(fx.session, "eng"),
                () -> fx.users.resetPassword(fx.session, SecurityFixture.ADMIN, "taken-over-1".toCharArray()),
                () -> fx.users.users(fx.session));
        for (Executable attempt : attempts) {
            AccessDeniedException e = assertThrows(AccessDeniedException.class, attempt::run);
            assertEquals(Permission.MANAGE_USERS, e.permission());
        }
        assertInstanceOf(AuthResult.InvalidCredentials.class, fx.users.authenticate("new", "new-pass-12".toCharArray()));
        assertInstanceOf(AuthResult.Success.class, fx.users.authenticate(SecurityFixture.ADMIN, SecurityFixture.ADMIN_PASSWORD));
        List<AuditRecord> rows = fx.audit.latest(7).reversed();
        for (int i = 0; i < 5; i++) {
            assertEquals(AuditResult.DENIED, rows.get(i).entry().result(), rows.get(i).toString());
            assertEquals("eng", rows.get(i).entry().actor().userName());
        }
    }

    @Test
    void userChangesOwnPasswordOnlyWithTheCurrentOneAndAWrongOneCountsTowardLockout() throws Exception {
        fx.withAdmin();
        fx.addUser("op", Role.OPERATOR);
        fx.login("op", SecurityFixture.password("op"));
        UserAdminException wrong = assertThrows(UserAdminException.class,
                () -> fx.users.changeOwnPassword(fx.session, "guess-pass-1".toCharArray(), "taken-over-1".toCharArray()));
        assertTrue(wrong.getMessage().startsWith("The current password is not right."), wrong.getMessage());
        assertTrue(fx.lastAudit().entry().note().startsWith("wrong password (1 consecutive)"));

        UserAdminException weak = assertThrows(UserAdminException.class,
                () -> fx.users.changeOwnPassword(fx.session, SecurityFixture.password("op"), "short".toCharArray()));
        assertEquals("The password must have at least 8 characters; it has 5.", weak.getMessage());
        assertEquals(AuditResult.FAILED, fx.lastAudit().entry().result());

        fx.users.changeOwnPassword(fx.session, SecurityFixture.password("op"), "my-own-pass-9".toCharArray());
        assertEquals(AuditActions.CHANGE_OWN_PASSWORD, fx.lastAudit().entry().action());
        assertInstanceOf(AuthResult.Success.class, fx.users.authenticate("op", "my-own-pass-9".toCharArray()));
        assertInstanceOf(AuthResult.InvalidCredentials.class, fx.users.authenticate("op", SecurityFixture.password("op")));

        fx.session.lock();
        assertEquals("The session is locked: unlock it first.", assertThrows(UserAdminException.class,
                () -> fx.users.changeOwnPassword(fx.session, "my-own-pass-9".toCharArray(), "other-pass-9".toCharArray()))
                .getMessage());
    }

    @Test
    void duplicateNameIgnoringCaseIsRefused() throws Exception {
        fx.withAdmin();
        fx.addUser("Anna", Role.OPERATOR);
        UserAdminException e = assertThrows(UserAdminException.class,
                () -> fx.users.createUser(fx.session, "ANNA", null, Role.ADMIN, "anna-pass-2".toCharArray()));
        assertTrue(e.getMessage().contains("exists already"), e.getMessage());
        assertEquals(1, fx.users.users(fx.session).stream().filter(u -> u.name().equalsIgnoreCase("anna")).count());
    }

    @Test
    void hostileUserNamesAreStoredAndReadBackVerbatimAndTheSchemaIsUnchanged() throws Exception {
        fx.withAdmin();
        List<String> before = schema();
        List<String> names = List.of("x'; DROP TABLE app_user; --", "Robert'); --", "\"quoted\" \\ back",
                "李伟 (班长)", "Ünïcødé-ñame", "a".repeat(200), "‮RTL override", "<b>bold</b>",
                "' OR '1'='1", "CALL CREATE ALIAS x");
        for (String name : names) {
            fx.users.createUser(fx.session, name, null, Role.OPERATOR, "hostile-pass-1".toCharArray());
        }
        List<String> stored = fx.users.users(fx.session).stream().map(User::name).toList();
        for (String name : names) {
            assertTrue(stored.contains(name), "stored verbatim: " + name);
            AuthResult r = fx.users.authenticate(name, "hostile-pass-1".toCharArray());
            assertEquals(name, assertInstanceOf(AuthResult.Success.class, r).user().name());
            assertEquals(name, ((AuthResult.Success) r).user().displayName(), "display name defaults to the name");
        }
        assertInstanceOf(AuthResult.InvalidCredentials.class, fx.users.authenticate("' OR '1'='1' --", "x".toCharArray()));
        assertEquals(before, schema());
        assertTrue(fx.audit.verify().intact());
    }

    @Test
    void malformedNamesAreRefusedWithAPreciseMessage() throws Exception {
        fx.withAdmin();
        assertEquals("The user name must have at most 200 characters; it has 201.", assertThrows(
                UserAdminException.class, () -> fx.addUser("a".repeat(201), Role.OPERATOR)).getMessage());
        assertEquals("The user name must not contain control characters.", assertThrows(
                UserAdminException.class, () -> fx.addUser("a\u0000b", Role.OPERATOR)).getMessage());
        assertEquals("The user name must not be empty.", assertThrows(
                UserAdminException.class, () -> fx.addUser(null, Role.OPERATOR)).getMessage());
        assertEquals("The user name must not start or end with spaces.", assertThrows(
                UserAdminException.class, () -> fx.addUser(" anna", Role.OPERATOR)).getMessage());
        assertEquals("The display name must have at most 200 characters; it has 201.", assertThrows(
                UserAdminException.class, () -> fx.users.createUser(fx.session, "anna", "d".repeat(201), Role.OPERATOR,
                        "anna-pass-1".toCharArray())).getMessage());
        assertEquals(AuditResult.FAILED, fx.lastAudit().entry().result());
    }

    @Test
    void hashWithAnOlderIterationCountIsUpgradedAtLogin() throws Exception {
        fx.withAdmin();
        fx.addUser("op", Role.OPERATOR);
        UserService stronger = new UserService(fx.db, fx.audit, new PasswordHasher(SecurityFixture.TEST_ITERATIONS * 2),
                fx.clock);
        assertInstanceOf(AuthResult.Success.class, stronger.authenticate("op", SecurityFixture.password("op")));
        try (Connection c = fx.jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT password_hash FROM app_user WHERE name = 'op'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("pbkdf2-sha256$" + SecurityFixture.TEST_ITERATIONS * 2 + "$"));
        }
    }

    private List<String> schema() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = fx.jdbc(); PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name"
                + " FROM information_schema.columns WHERE table_schema = 'PUBLIC' ORDER BY table_name, column_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws Exception;
    }
}
