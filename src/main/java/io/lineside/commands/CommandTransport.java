package io.lineside.commands;

/**
 * The broker link commands go out on. It never queues: a command is handed to a connected client at once or
 * refused, and nothing is kept for, or replayed on, a later connection.
 */
public interface CommandTransport {

    /** True if the link is up now. Safe from any thread. */
    boolean connected();

    /**
     * Hands {@code wire} to the connected client, or throws at once.
     *
     * @throws CommandNotSentException when offline or the client refused it (the message says why)
     */
    void publish(Wire wire) throws CommandNotSentException;
}
