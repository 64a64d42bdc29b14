package io.lineside.telemetry;

/** Where the link to the broker stands. */
public enum ConnectionState {
    /** Trying to (re)connect. */
    CONNECTING,
    /** Connected and subscribed. */
    ONLINE,
    /** Not connected; the next attempt is scheduled. */
    OFFLINE
}
