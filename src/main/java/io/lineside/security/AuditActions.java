package io.lineside.security;

/**
 * Action names the security services write; other features pass their own (e.g. {@code "alarm.acknowledge"}).
 * They are stored text: never rename one that has been released.
 */
public final class AuditActions {
    public static final String FIRST_ADMIN = "user.first-admin";
    public static final String LOGIN = "session.login";
    public static final String SWITCH_USER = "session.switch-user";
    public static final String LOGOUT = "session.logout";
    public static final String LOCK = "session.lock";
    public static final String UNLOCK = "session.unlock";
    public static final String CREATE_USER = "user.create";
    public static final String CHANGE_ROLE = "user.change-role";
    public static final String DISABLE_USER = "user.disable";
    public static final String ENABLE_USER = "user.enable";
    public static final String RESET_PASSWORD = "user.reset-password";
    public static final String CHANGE_OWN_PASSWORD = "user.change-own-password";
    public static final String VERIFY_AUDIT = "audit.verify";

    private AuditActions() {
    }
}
