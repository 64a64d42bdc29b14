package io.lineside.security;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Rules for login names. Any printable text is allowed (it is data, bound as a parameter, never SQL). */
final class UserNames {

    static final int MAX_LENGTH = 200;

    private UserNames() {
    }

    /** Why {@code name} cannot be a login name, or empty. */
    static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("The user name must not be empty.");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("The user name must have at most " + MAX_LENGTH + " characters; it has "
                    + name.length() + ".");
        }
        if (!name.equals(name.strip())) {
            return Optional.of("The user name must not start or end with spaces.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("The user name must not contain control characters.");
        }
        return Optional.empty();
    }

    /** Why {@code displayName} cannot be shown as a user's name, or empty. */
    static Optional<String> displayProblem(String displayName) {
        if (displayName.length() > MAX_LENGTH) {
            return Optional.of("The display name must have at most " + MAX_LENGTH + " characters; it has "
                    + displayName.length() + ".");
        }
        if (displayName.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("The display name must not contain control characters.");
        }
        return Optional.empty();
    }

    /** The unique lookup key: NFC-normalized and lower-cased, so "Anna" and "ANNA" are one user. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
