package io.lineside.telemetry.mapping;

/** How a mapped topic's payload carries its values. */
public enum PayloadKind {
    /** A bare JSON number: one tag per message. */
    NUMBER,
    /** A bare number or {@code {"v", "ts", "q", "seq"}}: one tag per message (the historic format). */
    OBJECT,
    /** One JSON object carrying many signals of a station at configured field paths. */
    BATCH
}
