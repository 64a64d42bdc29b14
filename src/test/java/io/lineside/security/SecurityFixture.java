package io.lineside.security;

import io.lineside.testsupport.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A real security database in a test directory with the services wired as the app will wire them; a low PBKDF2
 * count keeps tests fast (one test proves the production count).
 */
final class SecurityFixture implements AutoCloseable {

    static final int TEST_ITERATIONS = 1_000;
    static final String ADMIN = "admin";
    static final char[] ADMIN_PASSWORD = "admin-secret-1".toCharArray();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T06:00:00Z"));
    final SecurityDatabase db;
    final AuditTrail audit;
    final UserService users;
    final SessionManager session;
    final SecuredActions actions;

    SecurityFixture(Path dir) throws SecurityStoreException {
        this(dir, IdlePolicy.DEFAULT);
    }

    SecurityFixture(Path dir, IdlePolicy idle) throws SecurityStoreException {
        db = SecurityDatabase.open(dir);
        audit = new AuditTrail(db, "ws-line1", clock);
        users = new UserService(db, audit, new PasswordHasher(TEST_ITERATIONS), clock);
        session = new SessionManager(users, audit, clock, idle);
        actions = new SecuredActions(session, audit);
    }

    /** Creates the first admin and logs in as it. */
    SecurityFixture withAdmin() throws Exception {
        users.createFirstAdmin(ADMIN, ADMIN_PASSWORD.clone());
        login(ADMIN, ADMIN_PASSWORD);
        return this;
    }

    /** Creates a user as the logged-in admin; the password is the name followed by "-pass-1". */
    void addUser(String name, Role role) throws Exception {
        users.createUser(session, name, null, role, password(name));
    }

    static char[] password(String name) {
        return (name + "-pass-1").toCharArray();
    }

    void login(String name, char[] password) throws Exception {
        AuthResult r = session.login(name, password.clone());
        if (!(r instanceof AuthResult.Success)) {
            throw new AssertionError("login of " + name + " failed: " + r);
        }
    }

    /** The newest audit row. */
    AuditRecord lastAudit() throws SecurityStoreException {
        return audit.latest(1).getFirst();
    }

    /** Plain JDBC to the file, as another tool (or an attacker) would have it. */
    Connection jdbc() throws SQLException {
        return db.connect();
    }

    @Override
    public void close() {
        db.close();
    }
}
