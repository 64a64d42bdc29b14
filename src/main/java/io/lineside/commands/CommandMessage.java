package io.lineside.commands;

import io.lineside.tags.TagPath;
import java.time.Instant;

/**
 * One write that passed every check, about to be sent.
 *
 * @param value a {@link Double} for a setpoint, the word for a mode or an action
 */
public record CommandMessage(String correlationId, TagPath target, WritableSignal signal, Object value, String user,
                             String workstation, Instant time) {
}
