package io.lineside.commands;

import java.util.Locale;
import java.util.Optional;

/** What a writable signal takes: a number, one of a list of modes, or a start/stop/reset action. */
public enum CommandKind {
    /** A number within min..max, on a step grid if one is given. */
    SETPOINT,
    /** One of a configured list of words. */
    MODE,
    /** One of start, stop, reset. */
    ACTION;

    /** The config word ({@code setpoint}, {@code mode}, {@code action}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CommandKind> parse(String word) {
        for (CommandKind k : values()) {
            if (k.word().equals(word)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
