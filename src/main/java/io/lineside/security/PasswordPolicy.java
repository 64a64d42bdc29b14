package io.lineside.security;

import java.util.Locale;
import java.util.Optional;

/** The rules a new password must meet; messages are fit to show the person choosing it. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    /** PBKDF2 hashes any length, but a megabyte "password" is an attempt to stall the hasher. */
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    /** Why {@code password} is not acceptable for {@code userName}, or empty if it is. */
    public static Optional<String> problem(String userName, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            int length = password == null ? 0 : password.length;
            return Optional.of("The password must have at least " + MIN_LENGTH + " characters; it has " + length + ".");
        }
        if (password.length > MAX_LENGTH) {
            return Optional.of("The password must have at most " + MAX_LENGTH + " characters; it has "
                    + password.length + ".");
        }
        if (userName != null && equalsIgnoreCase(userName, password)) {
            return Optional.of("The password must not be the user name.");
        }
        return Optional.empty();
    }

    private static boolean equalsIgnoreCase(String name, char[] password) {
        String folded = name.strip().toLowerCase(Locale.ROOT);
        if (folded.length() != password.length) {
            return false;
        }
        for (int i = 0; i < password.length; i++) {
            if (Character.toLowerCase(password[i]) != folded.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
