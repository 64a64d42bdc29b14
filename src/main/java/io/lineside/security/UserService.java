package io.lineside.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Named users: the first administrator, password checks with lockout, and user management, each audited in the
 * same transaction as its change (if the audit cannot be written, nothing changes and the call is refused).
 *
 * <p>Lockout: every failed check counts, also while locked; the {@value #MAX_FAILURES}th consecutive failure, and
 * every failure after it until a success, locks the user for {@link #LOCKOUT} (an active lock is not extended).
 * A success or a password reset clears the count.
 *
 * <p>Passwords are {@code char[]} owned by the caller, who should clear them after the call. Safe from any thread;
 * writes are serialized by the audit trail.
 */
public final class UserService {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final SecurityDatabase db;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(SecurityDatabase db, AuditTrail audit, PasswordHasher hasher, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True while no user exists: the first run must create an administrator (there is no default password). */
    public boolean needsFirstAdmin() throws SecurityStoreException {
        try (Connection c = db.connect()) {
            return UserStore.count(c) == 0;
        } catch (SQLException e) {
            throw new SecurityStoreException("cannot read users: " + e.getMessage(), e);
        }
    }

    /** Creates the first administrator; refused once any user exists. */
    public User createFirstAdmin(String name, char[] password) throws ActionRefusedException {
        AuditEntry entry = new AuditEntry(new Actor(name, Role.ADMIN), AuditActions.FIRST_ADMIN, name, null,
                Role.ADMIN.name(), null, AuditResult.OK);
        validate(name, password, entry);
        User admin = new User(name, name, Role.ADMIN, false);
        String hash = hasher.hash(password);
        administer(entry, c -> {
            if (UserStore.count(c) > 0) {
                throw new UserAdminException("Users exist already: the first administrator is created only once.");
            }
            UserStore.insert(c, admin, hash, clock.instant());
            return entry;
        });
        return admin;
    }

    /** Checks a password at the login screen, audited as {@link AuditActions#LOGIN}. */
    public AuthResult authenticate(String name, char[] password) throws AuditUnavailableException {
        return authenticate(name, password, AuditActions.LOGIN, null);
    }

    /**
     * As {@link #authenticate(String, char[])}, audited under {@code action} with {@code oldValue}: also the
     * re-authentication of a critical operator command (it counts toward the user's lockout like a login).
     */
    public AuthResult authenticate(String name, char[] password, String action, String oldValue)
            throws AuditUnavailableException {
        Optional<UserStore.Row> found;
        try (Connection c = db.connect()) {
            found = name == null ? Optional.empty() : UserStore.find(c, name);
        } catch (SQLException e) {
            throw new AuditUnavailableException(action, e);
        }
        Instant now = clock.instant();
        if (found.isEmpty()) {
            hasher.verifyNothing(password); // as slow as a real check, so timing does not reveal unknown names
            audit.append(new AuditEntry(new Actor(name, Role.VIEWER), action, name, oldValue, null,
                    "unknown user name", AuditResult.DENIED));
            return new AuthResult.InvalidCredentials();
        }
        UserStore.Row row = found.get();
        boolean locked = row.lockedUntil() != null && now.isBefore(row.lockedUntil());
        boolean verified;
        if (locked) {
            hasher.verifyNothing(password); // no password is checked while locked: no oracle during a lockout
            verified = false;
        } else {
            verified = hasher.verify(password, row.passwordHash());
        }
        Actor actor = row.user().actor();
        if (!verified) {
            int failures = row.failedCount() + 1;
            Instant until = locked ? row.lockedUntil() : failures >= MAX_FAILURES ? now.plus(LOCKOUT) : null;
            String note = (locked ? "attempt while locked" : "wrong password") + " (" + failures + " consecutive)"
                    + (until == null ? "" : "; locked until " + until);
            audit.appendWith(action, c -> {
                UserStore.setFailures(c, row.id(), failures, until);
                return new AuditEntry(actor, action, row.user().name(), oldValue, null, note, AuditResult.DENIED);
            });
            return until == null ? new AuthResult.InvalidCredentials() : new AuthResult.LockedOut(until);
        }
        if (row.user().disabled()) {
            audit.append(new AuditEntry(actor, action, row.user().name(), oldValue, null, "user is disabled",
                    AuditResult.DENIED));
            return new AuthResult.Disabled();
        }
        String rehash = hasher.needsRehash(row.passwordHash()) ? hasher.hash(password) : null;
        audit.appendWith(action, c -> {
            UserStore.setFailures(c, row.id(), 0, null);
            if (rehash != null) { // raised iteration count: upgrade while the password is at hand
                UserStore.setPassword(c, row.id(), rehash);
            }
            return new AuditEntry(actor, action, row.user().name(), oldValue, row.user().name(), null, AuditResult.OK);
        });
        return new AuthResult.Success(row.user());
    }

    /** Creates a user. Requires {@link Permission#MANAGE_USERS}. */
    public User createUser(SessionManager acting, String name, String displayName, Role role, char[] password)
            throws ActionRefusedException {
        Objects.requireNonNull(role, "role");
        AuditEntry entry = new AuditEntry(acting.actor(), AuditActions.CREATE_USER, name, null, role.name(), null,
                AuditResult.OK);
        require(acting, entry);
        validate(name, password, entry);
        User user = new User(name, displayName == null || displayName.isBlank() ? name : displayName, role, false);
        Optional<String> badDisplay = UserNames.displayProblem(user.displayName());
        if (badDisplay.isPresent()) {
            throw failed(entry, badDisplay.get());
        }
        String hash = hasher.hash(password);
        administer(entry, c -> {
            if (UserStore.find(c, name).isPresent()) {
                throw new UserAdminException("A user named '" + name + "' exists already (names ignore case).");
            }
            UserStore.insert(c, user, hash, clock.instant());
            return entry;
        });
        return user;
    }

    /** Gives a user another role; the last enabled administrator cannot be demoted. Requires MANAGE_USERS. */
    public void changeRole(SessionManager acting, String name, Role role) throws ActionRefusedException {
        Objects.requireNonNull(role, "role");
        AuditEntry entry = new AuditEntry(acting.actor(), AuditActions.CHANGE_ROLE, name, null, role.name(), null,
                AuditResult.OK);
        require(acting, entry);
        administer(entry, c -> {
            UserStore.Row row = existing(c, name);
            if (row.user().role() == Role.ADMIN && role != Role.ADMIN && !row.user().disabled()) {
                keepOneAdmin(c, name);
            }
            UserStore.setRole(c, row.id(), role);
            return new AuditEntry(entry.actor(), entry.action(), row.user().name(), row.user().role().name(),
                    role.name(), null, AuditResult.OK);
        });
    }

    /** Disables a user (kept for the audit trail, never deleted); not the last enabled admin. Requires MANAGE_USERS. */
    public void disable(SessionManager acting, String name) throws ActionRefusedException {
        setDisabled(acting, name, true);
    }

    /** Lets a disabled user log in again. Requires MANAGE_USERS. */
    public void enable(SessionManager acting, String name) throws ActionRefusedException {
        setDisabled(acting, name, false);
    }

    /** Sets a new password and ends any lockout. Requires MANAGE_USERS. */
    public void resetPassword(SessionManager acting, String name, char[] password) throws ActionRefusedException {
        AuditEntry entry = AuditEntry.of(acting.actor(), AuditActions.RESET_PASSWORD, name, AuditResult.OK);
        require(acting, entry);
        Optional<String> weak = PasswordPolicy.problem(name, password);
        if (weak.isPresent()) {
            throw failed(entry, weak.get());
        }
        String hash = hasher.hash(password);
        administer(entry, c -> {
            UserStore.setPassword(c, existing(c, name).id(), hash);
            return entry;
        });
    }

    /**
     * The logged-in user changes their own password, proving the current one (a wrong one counts toward the
     * lockout, as at the login screen). Needs no permission beyond being logged in and unlocked.
     */
    public void changeOwnPassword(SessionManager acting, char[] current, char[] next) throws ActionRefusedException {
        SessionState s = acting.state();
        if (s.user().isEmpty() || s.locked()) {
            throw new UserAdminException(s.locked() ? "The session is locked: unlock it first."
                    : "Nobody is logged in: log in to change your password.");
        }
        String name = s.user().get().name();
        AuditEntry entry = AuditEntry.of(s.actor(), AuditActions.CHANGE_OWN_PASSWORD, name, AuditResult.OK);
        AuthResult proof = authenticate(name, current, AuditActions.CHANGE_OWN_PASSWORD, null);
        if (!(proof instanceof AuthResult.Success)) {
            throw new UserAdminException("The current password is not right. " + proof.message());
        }
        Optional<String> weak = PasswordPolicy.problem(name, next);
        if (weak.isPresent()) {
            throw failed(entry, weak.get());
        }
        String hash = hasher.hash(next);
        administer(entry, c -> {
            UserStore.setPassword(c, existing(c, name).id(), hash);
            return entry;
        });
    }

    /** All users, sorted by name. Requires MANAGE_USERS. */
    public List<User> users(SessionManager acting) throws ActionRefusedException, SecurityStoreException {
        acting.require(Permission.MANAGE_USERS);
        try (Connection c = db.connect()) {
            return UserStore.all(c);
        } catch (SQLException e) {
            throw new SecurityStoreException("cannot read users: " + e.getMessage(), e);
        }
    }

    private void setDisabled(SessionManager acting, String name, boolean disabled) throws ActionRefusedException {
        AuditEntry entry = AuditEntry.of(acting.actor(),
                disabled ? AuditActions.DISABLE_USER : AuditActions.ENABLE_USER, name, AuditResult.OK);
        require(acting, entry);
        administer(entry, c -> {
            UserStore.Row row = existing(c, name);
            if (disabled && row.user().role() == Role.ADMIN && !row.user().disabled()) {
                keepOneAdmin(c, name);
            }
            UserStore.setDisabled(c, row.id(), disabled);
            return entry;
        });
    }

    private void require(SessionManager acting, AuditEntry entry) throws ActionRefusedException {
        try {
            acting.require(Permission.MANAGE_USERS);
        } catch (AccessDeniedException e) {
            audit.append(entry.with(AuditResult.DENIED, e.getMessage())); // if this fails, that refusal says so
            throw e;
        }
    }

    private void validate(String name, char[] password, AuditEntry entry) throws ActionRefusedException {
        Optional<String> problem = UserNames.problem(name).or(() -> PasswordPolicy.problem(name, password));
        if (problem.isPresent()) {
            throw failed(entry, problem.get());
        }
    }

    /** Runs a change with its audit row; an invalid request is audited as failed and rethrown. */
    private void administer(AuditEntry entry, AuditTrail.InTransaction<AuditEntry, UserAdminException> work)
            throws ActionRefusedException {
        try {
            audit.appendWith(entry.action(), work);
        } catch (UserAdminException e) {
            throw failed(entry, e.getMessage());
        }
    }

    private UserAdminException failed(AuditEntry entry, String why) throws AuditUnavailableException {
        audit.append(entry.with(AuditResult.FAILED, why));
        return new UserAdminException(why);
    }

    private static UserStore.Row existing(Connection c, String name) throws SQLException, UserAdminException {
        if (name == null) {
            throw new UserAdminException("No user name given.");
        }
        return UserStore.find(c, name).orElseThrow(() -> new UserAdminException("There is no user named '" + name + "'."));
    }

    private static void keepOneAdmin(Connection c, String name) throws SQLException, UserAdminException {
        if (UserStore.enabledAdmins(c) <= 1) {
            throw new UserAdminException("'" + name + "' is the last enabled administrator: create or enable"
                    + " another administrator first.");
        }
    }
}
