package io.lineside.commands;

import io.lineside.tags.TagPath;

/**
 * Where a command stands: {@link State#SENT} while the read-back waits, then one final state.
 *
 * @param reason        why it was refused or not confirmed; empty otherwise
 * @param correlationId the id sent with it (empty for a refusal)
 */
public record CommandOutcome(State state, String reason, String correlationId, TagPath target, String oldValue,
                             String newValue) {

    public enum State {
        /** Not sent: the reason says why (permission, lock, value, rate, offline, audit). */
        REFUSED,
        /** Handed to the broker; waiting for the read-back. */
        SENT,
        /** The signal's telemetry showed the new value in time. */
        CONFIRMED,
        /** Sent, but the telemetry did not show the new value in time. */
        NOT_CONFIRMED;

        public boolean finished() {
            return this != SENT;
        }
    }

    static CommandOutcome refused(TagPath target, String oldValue, String newValue, String reason) {
        return new CommandOutcome(State.REFUSED, reason, "", target, oldValue, newValue);
    }
}
