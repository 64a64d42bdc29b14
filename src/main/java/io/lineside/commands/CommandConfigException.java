package io.lineside.commands;

/** A {@code command:} block of a station config is wrong; the message names the file, the key and what was expected. */
public final class CommandConfigException extends Exception {

    public CommandConfigException(String message) {
        super(message);
    }
}
