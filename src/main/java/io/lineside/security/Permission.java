package io.lineside.security;

import java.util.Objects;

/**
 * Something a session may be allowed to do, with the lowest {@link Role} that may do it. Checked in the service
 * layer ({@link SessionManager#require}, {@link SecuredActions}), not only by hiding buttons.
 */
public enum Permission {
    /** See overviews, alarms and trends; allowed while the session is locked. */
    VIEW(Role.VIEWER),
    ACKNOWLEDGE_ALARM(Role.OPERATOR),
    /** Write a command to the line (setpoint, mode, start/stop/reset); a signal's config may ask a higher role. */
    OPERATE_LINE(Role.OPERATOR),
    /** Give a downtime span of the shift its reason (and a note): the people at the line know why it stopped. */
    CLASSIFY_DOWNTIME(Role.OPERATOR),
    /** Write a line's handover note for the next shift. */
    WRITE_HANDOVER(Role.OPERATOR),
    SHELVE_ALARM(Role.SUPERVISOR),
    /** Sign a line's shift off: its figures are frozen as signed (the password is asked again). */
    SIGN_OFF_SHIFT(Role.SUPERVISOR),
    REVIEW_HISTORY(Role.SUPERVISOR),
    EXPORT_REPORT(Role.SUPERVISOR),
    /** Reading and verifying the audit trail is part of reviewing a shift. */
    VERIFY_AUDIT(Role.SUPERVISOR),
    /** Out-of-service suppression hides an alarm indefinitely, unlike shelving: an engineering decision. */
    SUPPRESS_ALARM(Role.ENGINEER),
    EDIT_LAYOUT(Role.ENGINEER),
    EDIT_ALARM_DEFINITIONS(Role.ENGINEER),
    EDIT_CONNECTIONS(Role.ENGINEER),
    /** Leave the full-screen kiosk mode to reach the desktop. */
    EXIT_KIOSK(Role.ENGINEER),
    MANAGE_USERS(Role.ADMIN);

    private final Role minimumRole;

    Permission(Role minimumRole) {
        this.minimumRole = Objects.requireNonNull(minimumRole);
    }

    /** The lowest role granted this permission. */
    public Role minimumRole() {
        return minimumRole;
    }
}
