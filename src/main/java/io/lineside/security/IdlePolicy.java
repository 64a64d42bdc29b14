package io.lineside.security;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a session of each role may stay idle before it locks; a role without an entry never locks.
 * Higher roles lock sooner because an unattended engineer or admin session can change more.
 *
 * @param timeouts positive idle timeout per role
 */
public record IdlePolicy(Map<Role, Duration> timeouts) {

    /** Operator 15 min, Supervisor 10 min, Engineer 5 min, Admin 2 min (RELIABILITY.md §8.5); Viewer never. */
    public static final IdlePolicy DEFAULT = new IdlePolicy(Map.of(Role.OPERATOR, Duration.ofMinutes(15),
            Role.SUPERVISOR, Duration.ofMinutes(10), Role.ENGINEER, Duration.ofMinutes(5),
            Role.ADMIN, Duration.ofMinutes(2)));

    public IdlePolicy {
        Objects.requireNonNull(timeouts, "timeouts");
        EnumMap<Role, Duration> copy = new EnumMap<>(Role.class);
        timeouts.forEach((role, timeout) -> {
            if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("idle timeout for " + role + " must be positive, was " + timeout);
            }
            copy.put(Objects.requireNonNull(role, "role"), timeout);
        });
        timeouts = Map.copyOf(copy);
    }

    /** The idle timeout of {@code role}, or empty if its sessions never lock by themselves. */
    public Optional<Duration> timeout(Role role) {
        return Optional.ofNullable(timeouts.get(role));
    }
}
