package io.lineside.security;

import java.time.Instant;

/**
 * The outcome of a password check. An unknown user name and a wrong password give the same
 * {@link InvalidCredentials} so the login screen cannot be used to find out which names exist.
 */
public sealed interface AuthResult {

    /** The password was right. */
    record Success(User user) implements AuthResult {
    }

    /** Unknown user or wrong password; deliberately not saying which. */
    record InvalidCredentials() implements AuthResult {
    }

    /**
     * Too many failures: no password is checked until {@code until}. Every attempt while locked counts as a failure
     * and restarts the lock, so guessing on during a lockout gains nothing.
     */
    record LockedOut(Instant until) implements AuthResult {
    }

    /** The password was right but an administrator disabled the user. */
    record Disabled() implements AuthResult {
    }

    /** A sentence for the login screen. */
    default String message() {
        return switch (this) {
            case Success s -> "Logged in as " + s.user().displayName() + ".";
            case InvalidCredentials i -> "Unknown user name or wrong password.";
            case LockedOut l -> "Too many failed attempts: this user is locked until " + l.until()
                    + " (UTC). An administrator can reset the password.";
            case Disabled d -> "This user is disabled. Ask an administrator.";
        };
    }
}
