package io.lineside.security;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one session of a workstation: who is logged in, whether the screen is locked, and the permission check
 * every service calls ({@link #require}). Nobody logged in means view only.
 *
 * <p>Logins, switches and unlocks are refused if their audit row cannot be written; logout and lock only ever
 * reduce what the workstation can do, so they happen even then (the failure is logged). Role changes made by an
 * administrator take effect at the user's next login or unlock.
 *
 * <p>Safe from any thread. Password checks (slow on purpose) run outside the internal lock, so {@link #require}
 * never waits for one. Listeners: see {@link SessionListener}.
 */
public final class SessionManager {

    private static final System.Logger LOG = System.getLogger(SessionManager.class.getName());

    private final UserService users;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdlePolicy idle;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private SessionState state; // guarded by this

    public SessionManager(UserService users, AuditTrail audit, Clock clock, IdlePolicy idle) {
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.state = new SessionState(Optional.empty(), false, clock.instant());
    }

    public synchronized SessionState state() {
        return state;
    }

    /** Who acts now, for audit rows. */
    public Actor actor() {
        return state().actor();
    }

    /**
     * Logs {@code name} in, replacing whoever was logged in (locked or not) only on success: at a shift change
     * this is the one call. On failure the session stays as it was.
     */
    public AuthResult login(String name, char[] password) throws AuditUnavailableException {
        SessionState before = state();
        String action = before.user().isPresent() ? AuditActions.SWITCH_USER : AuditActions.LOGIN;
        AuthResult result = users.authenticate(name, password, action, before.user().map(User::name).orElse(null));
        if (result instanceof AuthResult.Success(User user)) {
            change(new SessionState(Optional.of(user), false, clock.instant()));
        }
        return result;
    }

    /** The same as {@link #login}: named for the shift-change button. */
    public AuthResult switchUser(String name, char[] password) throws AuditUnavailableException {
        return login(name, password);
    }

    /** Back to view only. Does nothing if nobody is logged in. */
    public void logout() {
        SessionState before = state();
        if (before.user().isEmpty()) {
            return;
        }
        auditAnyway(AuditEntry.of(before.actor(), AuditActions.LOGOUT, before.actor().userName(), AuditResult.OK));
        change(new SessionState(Optional.empty(), false, clock.instant()));
    }

    /** Locks the session now (the lock button). Returns false if nobody is logged in or it was locked already. */
    public boolean lock() {
        return lock("locked by the user");
    }

    /**
     * Unlocks with the logged-in user's password; a failure counts toward that user's lockout and leaves the
     * session locked.
     *
     * @throws IllegalStateException if the session is not locked
     */
    public AuthResult unlock(char[] password) throws AuditUnavailableException {
        SessionState before = state();
        if (!before.locked() || before.user().isEmpty()) {
            throw new IllegalStateException("the session is not locked");
        }
        String name = before.user().get().name();
        AuthResult result = users.authenticate(name, password, AuditActions.UNLOCK, null);
        if (result instanceof AuthResult.Success(User user)) {
            synchronized (this) {
                if (!state.equals(before)) {
                    return result; // someone else logged in meanwhile; their session stands
                }
                state = new SessionState(Optional.of(user), false, clock.instant());
            }
            notifyListeners();
        }
        return result;
    }

    /** Records user activity (input events), postponing the idle lock. Ignored while locked. */
    public void touch() {
        synchronized (this) {
            if (state.locked() || state.user().isEmpty()) {
                return;
            }
            state = new SessionState(state.user(), false, clock.instant());
        }
    }

    /**
     * Locks the session if it has been idle for at least its role's timeout; call it from a timer.
     *
     * @return true if this call locked it
     */
    public boolean checkIdle(Instant now) {
        SessionState s = state();
        if (s.locked() || s.user().isEmpty()) {
            return false;
        }
        Optional<Duration> timeout = idle.timeout(s.role());
        if (timeout.isEmpty() || Duration.between(s.lastActivity(), now).compareTo(timeout.get()) < 0) {
            return false;
        }
        return lock("idle for " + timeout.get().toMinutes() + " min (" + s.role() + " timeout)");
    }

    /**
     * Checks that the session may do {@code permission} now and returns who acts, for the audit row.
     * Only {@link Permission#VIEW} is granted while locked.
     *
     * @throws AccessDeniedException saying who asked, for which permission, and which role it needs
     */
    public Actor require(Permission permission) throws AccessDeniedException {
        SessionState s = state();
        Actor actor = s.actor();
        if (s.locked() && permission != Permission.VIEW) {
            throw new AccessDeniedException("The session of " + actor.display() + " is locked: unlock it with the"
                    + " password first (" + permission + " needs " + permission.minimumRole() + " or higher).",
                    permission);
        }
        if (!s.role().allows(permission)) {
            String who = s.user().isEmpty() ? "Nobody is logged in (view only)"
                    : actor.display() + " is " + s.role();
            throw new AccessDeniedException(who + ": " + permission + " needs " + permission.minimumRole()
                    + " or higher.", permission);
        }
        return actor;
    }

    /** Adds a listener; the returned handle removes it. */
    public Runnable addListener(SessionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    private boolean lock(String why) {
        SessionState before;
        synchronized (this) {
            before = state;
            if (before.locked() || before.user().isEmpty()) {
                return false;
            }
            state = new SessionState(before.user(), true, before.lastActivity());
        }
        auditAnyway(new AuditEntry(before.actor(), AuditActions.LOCK, before.actor().userName(), null, null, why,
                AuditResult.OK));
        notifyListeners();
        return true;
    }

    private void change(SessionState next) {
        synchronized (this) {
            state = next;
        }
        notifyListeners();
    }

    private void auditAnyway(AuditEntry entry) {
        try {
            audit.append(entry);
        } catch (AuditUnavailableException e) {
            LOG.log(Level.ERROR, "'" + entry.action() + "' done without its audit row: " + e.getMessage(), e);
        }
    }

    private void notifyListeners() {
        SessionState s = state();
        for (SessionListener l : listeners) {
            try {
                l.sessionChanged(s);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session listener failed", e);
            }
        }
    }
}
