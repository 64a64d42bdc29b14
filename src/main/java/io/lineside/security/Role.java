package io.lineside.security;

/**
 * What a user may do, in rank order: each role may do everything the roles before it may.
 * The order is the contract ({@link #allows}); stored by {@link #name()}, so renaming one is a schema change.
 */
public enum Role {
    /** Watches; no user logged in acts as a viewer. */
    VIEWER,
    /** Runs the line: acknowledges alarms. */
    OPERATOR,
    /** Leads the shift: shelves alarms, reviews history and the audit trail. */
    SUPERVISOR,
    /** Configures: layouts, alarm definitions, connections. */
    ENGINEER,
    /** Manages users. */
    ADMIN;

    /** True if this role ranks at or above the permission's minimum role. */
    public boolean allows(Permission permission) {
        return compareTo(permission.minimumRole()) >= 0;
    }
}
