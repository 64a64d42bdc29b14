package io.lineside.app;

import io.lineside.security.ActionRefusedException;
import io.lineside.security.AuditTrail;
import io.lineside.security.AuthResult;
import io.lineside.security.IdlePolicy;
import io.lineside.security.PasswordHasher;
import io.lineside.security.Role;
import io.lineside.security.SecuredActions;
import io.lineside.security.SecurityDatabase;
import io.lineside.security.SecurityStoreException;
import io.lineside.security.SessionManager;
import io.lineside.security.UserService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Users, the session and the audit trail of one workstation, kept in {@code <data>/security}. Checks the idle
 * lock every second. Safe from any thread; slow calls (password checks) belong off the FX thread.
 */
public final class SecurityServices implements AutoCloseable {

    /** The documented demo accounts: name, role, password. Created only in a demo data directory. */
    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("admin", Role.ADMIN, "admin-demo"),
            new DemoUser("engineer", Role.ENGINEER, "engineer-demo"),
            new DemoUser("supervisor", Role.SUPERVISOR, "supervisor-demo"),
            new DemoUser("operator", Role.OPERATOR, "operator-demo"));

    record DemoUser(String name, Role role, String password) {
    }

    private static final System.Logger LOG = System.getLogger(SecurityServices.class.getName());

    private final SecurityDatabase database;
    private final AuditTrail audit;
    private final UserService users;
    private final SessionManager session;
    private final SecuredActions actions;
    private final ScheduledExecutorService idleTimer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lineside-idle-lock").daemon().unstarted(r));

    /** Opens (or creates) the security database under {@code dataDir/security}. */
    public SecurityServices(Path dataDir, String workstation, Clock clock, PasswordHasher hasher)
            throws SecurityStoreException {
        this(dataDir, workstation, clock, hasher, IdlePolicy.DEFAULT);
    }

    /** As above, with the idle lock of each role from the workstation config. */
    public SecurityServices(Path dataDir, String workstation, Clock clock, PasswordHasher hasher, IdlePolicy idle)
            throws SecurityStoreException {
        this.database = SecurityDatabase.open(dataDir.resolve("security"));
        this.audit = new AuditTrail(database, workstation, clock);
        this.users = new UserService(database, audit, hasher, clock);
        this.session = new SessionManager(users, audit, clock, idle);
        this.actions = new SecuredActions(session, audit);
        idleTimer.scheduleAtFixedRate(() -> session.checkIdle(clock.instant()), 1, 1, TimeUnit.SECONDS);
        database.quarantined().ifPresent(file -> LOG.log(System.Logger.Level.ERROR,
                "the security database was damaged and moved to {0}; users must be set up again", file));
    }

    public AuditTrail audit() {
        return audit;
    }

    public UserService users() {
        return users;
    }

    public SessionManager session() {
        return session;
    }

    public SecuredActions actions() {
        return actions;
    }

    /** Where a damaged security database was moved at start, if it was. */
    public java.util.Optional<Path> quarantined() {
        return database.quarantined();
    }

    /**
     * Creates {@link #DEMO_USERS} if no user exists yet, as the demo administrator would: every step is in the
     * audit trail. Slow (one password hash per user): call it off the FX thread.
     */
    public void seedDemoUsers() throws ActionRefusedException, SecurityStoreException {
        if (!users.needsFirstAdmin()) {
            return;
        }
        DemoUser admin = DEMO_USERS.getFirst();
        users.createFirstAdmin(admin.name(), admin.password().toCharArray());
        SessionManager seeding = new SessionManager(users, audit, Clock.systemUTC(), IdlePolicy.DEFAULT);
        if (!(seeding.login(admin.name(), admin.password().toCharArray()) instanceof AuthResult.Success)) {
            throw new IllegalStateException("the demo administrator cannot log in");
        }
        for (DemoUser user : DEMO_USERS.subList(1, DEMO_USERS.size())) {
            users.createUser(seeding, user.name(), user.name(), user.role(), user.password().toCharArray());
        }
        seeding.logout();
    }

    @Override
    public void close() {
        idleTimer.shutdownNow();
        session.logout();
        database.close();
    }
}
