package io.lineside.commands;

/** A command was not handed to the broker; the message is fit for the operator. */
public final class CommandNotSentException extends Exception {

    public CommandNotSentException(String message) {
        super(message);
    }
}
