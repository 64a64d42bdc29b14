package io.lineside.telemetry;

/** A payload that cannot be turned into a value; the message says why, for the diagnostics pane. */
public final class DecodeException extends Exception {
    public DecodeException(String reason) {
        super(reason, null, false, false);
    }
}
