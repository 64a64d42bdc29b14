package io.lineside.telemetry.sparkplug;

/** Sends a command message (a rebirth request). Must return at once and never throw. */
@FunctionalInterface
public interface CommandPublisher {
    /** @return false when the command could not even be queued (offline, too many pending) */
    boolean publish(String topic, byte[] payload);
}
