package io.lineside.app;

import io.lineside.security.AuditTrail;
import io.lineside.security.IdlePolicy;
import io.lineside.security.PasswordHasher;
import io.lineside.security.SecuredActions;
import io.lineside.security.SecurityDatabase;
import io.lineside.security.SecurityStoreException;
import io.lineside.security.SessionManager;
import io.lineside.security.UserService;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The security services the alarm commands need, opened on the workstation's security database. Interim: the
 * app-level session holder with the login/lock UI replaces this class (use its SessionManager and SecuredActions in
 * {@link Main} instead). Until someone logs in, every alarm command is refused as "nobody is logged in".
 */
final class InterimSecurity implements AutoCloseable {

    final SecurityDatabase db;
    final AuditTrail audit;
    final UserService users;
    final SessionManager session;
    final SecuredActions actions;

    InterimSecurity(Path dataDir, String workstation, Clock clock) throws SecurityStoreException {
        this(dataDir, workstation, clock, new PasswordHasher());
    }

    /** With another hasher: tests use a low iteration count. */
    InterimSecurity(Path dataDir, String workstation, Clock clock, PasswordHasher hasher)
            throws SecurityStoreException {
        db = SecurityDatabase.open(dataDir.resolve("security"));
        audit = new AuditTrail(db, workstation, clock);
        users = new UserService(db, audit, hasher, clock);
        session = new SessionManager(users, audit, clock, IdlePolicy.DEFAULT);
        actions = new SecuredActions(session, audit);
    }

    @Override
    public void close() {
        db.close();
    }
}
