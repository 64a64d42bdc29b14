package io.lineside.security;

import java.util.Objects;

/**
 * Who an audit row is about: the logged-in user (or the name typed at a failed login) and the role acted in.
 *
 * @param userName the user name, or {@code null} when nobody is logged in
 * @param role     the role the action was taken in; {@link Role#VIEWER} when nobody is logged in
 */
public record Actor(String userName, Role role) {

    /** Nobody logged in: the workstation shows, it does not act. */
    public static final Actor NOBODY = new Actor(null, Role.VIEWER);

    public Actor {
        Objects.requireNonNull(role, "role");
    }

    /** The user name for messages: {@code "nobody"} when nobody is logged in. */
    public String display() {
        return userName == null ? "nobody" : "'" + userName + "'";
    }
}
