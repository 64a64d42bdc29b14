package io.lineside.security;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of the workstation's session.
 *
 * @param user         who is logged in; empty means nobody (view only, as a {@link Role#VIEWER})
 * @param locked       true while the lock screen is up: alarms stay visible, every action needs the password
 * @param lastActivity the last {@link SessionManager#touch()} (or login), for the idle lock
 */
public record SessionState(Optional<User> user, boolean locked, Instant lastActivity) {

    /** The role the session acts in. */
    public Role role() {
        return user.map(User::role).orElse(Role.VIEWER);
    }

    /** The audit actor of this session. */
    public Actor actor() {
        return user.map(User::actor).orElse(Actor.NOBODY);
    }
}
