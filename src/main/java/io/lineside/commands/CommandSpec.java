package io.lineside.commands;

import io.lineside.security.Role;
import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How one signal may be written, as its {@code command:} block in the station config says. Immutable.
 *
 * @param kind           setpoint, mode or action
 * @param min            a setpoint's lowest value (NaN for the others)
 * @param max            a setpoint's highest value (NaN for the others)
 * @param step           a setpoint's grid from {@code min}, or NaN for any value in range
 * @param allowed        a mode's words, or an action's subset of start, stop, reset; empty for a setpoint
 * @param role           the lowest role that may write it (at least {@link Role#OPERATOR})
 * @param critical       true: the operator re-enters the password for each write
 * @param confirmTimeout how long the read-back waits for the signal to show the new value
 * @param minInterval    at most one write per this interval (the rate limit)
 * @param topic          a plain MQTT command topic template ({site}...{signal}), or null for the default
 * @param confirmSignal  the signal whose telemetry confirms the write (same station), or null for this one
 * @param expect         for an action: the value that confirms it per action (e.g. start → RUNNING); else empty
 */
public record CommandSpec(CommandKind kind, double min, double max, double step, List<String> allowed, Role role,
                          boolean critical, Duration confirmTimeout, Duration minInterval, String topic,
                          String confirmSignal, Map<String, String> expect) {

    public static final List<String> ACTIONS = List.of("start", "stop", "reset");
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(1);

    public CommandSpec {
        Objects.requireNonNull(kind, "kind");
        allowed = List.copyOf(allowed);
        expect = Map.copyOf(expect);
        role = Objects.requireNonNullElse(role, Role.OPERATOR);
        if (role == Role.VIEWER) {
            throw new IllegalArgumentException("a viewer may never write: role must be operator or higher");
        }
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        Objects.requireNonNull(minInterval, "minInterval");
        switch (kind) {
            case SETPOINT -> {
                if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
                    throw new IllegalArgumentException("a setpoint needs min <= max, both numbers");
                }
                if (!Double.isNaN(step) && !(step > 0 && Double.isFinite(step))) {
                    throw new IllegalArgumentException("step must be a number > 0");
                }
            }
            case MODE -> {
                if (allowed.isEmpty()) {
                    throw new IllegalArgumentException("a mode needs its values");
                }
            }
            case ACTION -> {
                if (allowed.isEmpty() || !ACTIONS.containsAll(allowed)) {
                    throw new IllegalArgumentException("an action's values are some of start, stop, reset");
                }
            }
        }
    }

    /**
     * The value to send for what the operator entered or chose.
     *
     * @throws IllegalArgumentException with a sentence for the operator: not a number, out of range, off the step
     *                                  grid, not one of the allowed values
     */
    public Object accept(String input) {
        String text = input == null ? "" : input.strip();
        if (kind != CommandKind.SETPOINT) {
            for (String a : allowed) {
                if (a.equals(text)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("\"" + text + "\" is not one of " + String.join(", ", allowed));
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(format(v) + " is outside " + format(min) + " to " + format(max));
        }
        if (!Double.isNaN(step)) {
            double steps = (v - min) / step;
            if (Math.abs(steps - Math.rint(steps)) > 1e-6) {
                throw new IllegalArgumentException(format(v) + " is not on the step " + format(step) + " from "
                        + format(min));
            }
        }
        return v;
    }

    /** True if {@code seen} (telemetry received after the send) shows {@code sent} arrived. */
    public boolean confirms(TagValue seen, Object sent) {
        if (seen == null || seen.quality() != Quality.GOOD || seen.value() == null) {
            return false;
        }
        if (kind == CommandKind.SETPOINT) {
            if (!(seen.value() instanceof Number n) || !(sent instanceof Double d)) {
                return false;
            }
            double tolerance = Double.isNaN(step) ? 1e-6 * Math.max(1, Math.abs(d)) : step / 2;
            return Math.abs(n.doubleValue() - d) <= tolerance;
        }
        String wanted = kind == CommandKind.ACTION ? expect.getOrDefault((String) sent, (String) sent) : (String) sent;
        return String.valueOf(seen.value()).strip().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT));
    }

    /** A number as the operator reads it: no trailing {@code .0}. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
