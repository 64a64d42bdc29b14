package io.lineside.security;

/**
 * A user-management request that is permitted but invalid: a duplicate or malformed name, a weak password,
 * an unknown user, or leaving the workstation without an enabled administrator. Audited as {@code failed}.
 */
public final class UserAdminException extends ActionRefusedException {

    public UserAdminException(String message) {
        super(message, null);
    }
}
