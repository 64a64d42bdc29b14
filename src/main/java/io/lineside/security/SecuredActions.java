package io.lineside.security;

import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The one way the UI runs an operator action: check the session's permission, write the audit row first, then
 * act. Refused (and not run) when the permission is missing (audited as {@code denied}) or when the audit row
 * cannot be written. The {@code ok} row means "permitted and started"; if the action then throws, a second row
 * with result {@code failed} names the first row's id and the error.
 *
 * <p>Safe from any thread; the action runs on the calling thread.
 */
public final class SecuredActions {

    private static final System.Logger LOG = System.getLogger(SecuredActions.class.getName());

    /** An action that may fail with its own checked exception. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        T call() throws E;
    }

    /**
     * What is about to be done, as the audit row will say.
     *
     * @param permission what the session must be allowed
     * @param action     the audit action name, e.g. {@code "alarm.acknowledge"}
     * @param target     what it is done to (alarm id, layout name), or {@code null}
     * @param oldValue   the value before, or {@code null}
     * @param newValue   the value after, or {@code null}
     * @param note       the operator's comment, or {@code null}
     */
    public record Command(Permission permission, String action, String target, String oldValue, String newValue,
                          String note) {
        public Command {
            Objects.requireNonNull(permission, "permission");
            Objects.requireNonNull(action, "action");
        }
    }

    private final SessionManager session;
    private final AuditTrail audit;

    public SecuredActions(SessionManager session, AuditTrail audit) {
        this.session = Objects.requireNonNull(session, "session");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Runs {@code action} if permitted and audited.
     *
     * @throws AccessDeniedException      if the session may not (the action did not run)
     * @throws AuditUnavailableException  if the audit row could not be written (the action did not run)
     * @throws E                          what the action threw (after the {@code failed} row)
     */
    public <T, E extends Exception> T run(Command command, Action<T, E> action) throws ActionRefusedException, E {
        Actor actor;
        try {
            actor = session.require(command.permission());
        } catch (AccessDeniedException denied) {
            try {
                audit.append(entry(session.actor(), command, AuditResult.DENIED, denied.getMessage()));
            } catch (AuditUnavailableException e) {
                denied.addSuppressed(e); // refused anyway; the log has it
            }
            throw denied;
        }
        AuditRecord started = audit.append(entry(actor, command, AuditResult.OK, command.note()));
        session.touch();
        try {
            return action.call();
        } catch (Exception failure) {
            String why = "the action of audit row " + started.id() + " failed: " + failure;
            try {
                audit.append(entry(actor, command, AuditResult.FAILED, why));
            } catch (AuditUnavailableException e) {
                LOG.log(Level.ERROR, why + "; and its failure could not be audited", e);
                failure.addSuppressed(e);
            }
            throw failure;
        }
    }

    /** {@link #run(Command, Action)} for an action without result or checked exception. */
    public void run(Permission permission, String action, String target, String oldValue, String newValue,
                    String note, Runnable runnable) throws ActionRefusedException {
        run(new Command(permission, action, target, oldValue, newValue, note), () -> {
            runnable.run();
            return null;
        });
    }

    private static AuditEntry entry(Actor actor, Command c, AuditResult result, String note) {
        return new AuditEntry(actor, c.action(), c.target(), c.oldValue(), c.newValue(), note, result);
    }
}
