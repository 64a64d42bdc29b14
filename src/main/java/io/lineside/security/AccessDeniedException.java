package io.lineside.security;

/** The session may not do this: nobody or a too-low role is logged in, or the session is locked. */
public final class AccessDeniedException extends ActionRefusedException {

    private final Permission permission;

    public AccessDeniedException(String message, Permission permission) {
        super(message, null);
        this.permission = permission;
    }

    /** The permission that was missing. */
    public Permission permission() {
        return permission;
    }
}
