package io.lineside.security;

import java.util.Objects;

/**
 * A named user as stored; never carries the password hash.
 *
 * @param name        the login name exactly as created (looked up case-insensitively)
 * @param displayName the name to show, e.g. "Li Wei (shift A)"
 * @param role        what the user may do
 * @param disabled    a disabled user cannot log in
 */
public record User(String name, String displayName, Role role, boolean disabled) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }

    /** This user as the actor of an audit row. */
    public Actor actor() {
        return new Actor(name, role);
    }
}
