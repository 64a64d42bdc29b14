package io.lineside.security;

/** The audit row could not be written, so the action was refused; monitoring goes on. */
public final class AuditUnavailableException extends ActionRefusedException {

    public AuditUnavailableException(String action, Throwable cause) {
        super("'" + action + "' was refused because the audit trail cannot be written: "
                + (cause == null ? "unknown reason" : cause.getMessage()), cause);
    }
}
