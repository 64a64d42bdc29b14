package io.lineside.commands;

/** Where a writable signal's commands go. */
public enum CommandTarget {
    /** A JSON message on the signal's command topic. */
    MQTT,
    /** A Sparkplug B NCMD/DCMD with the metric's name and data type from its birth. */
    SPARKPLUG
}
