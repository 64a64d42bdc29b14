package io.lineside.commands;

import java.util.Optional;

/** Turns a command into its wire message for one kind of target (Sparkplug B, plain MQTT JSON). */
@FunctionalInterface
public interface CommandRoute {

    /** The message for {@code command}, or empty when this route does not reach its target. Never throws. */
    Optional<Wire> wire(CommandMessage command);
}
