package io.lineside.alarms;

/**
 * The ISA-18.2 state of one alarm. The journal stores {@link #name()}, so never rename a constant.
 */
public enum AlarmState {
    /** Condition inactive, nothing to acknowledge. */
    NORMAL,
    /** Condition active, not yet acknowledged. */
    UNACK,
    /** Condition active, acknowledged. */
    ACKED,
    /** Condition returned to normal before anyone acknowledged it. */
    RTN_UNACK,
    /** A latching alarm whose condition cleared: it stays annunciated until an operator resets it (acknowledges). */
    LATCHED,
    /** Hidden by an operator for a limited time or until it next returns to normal (one-shot). */
    SHELVED,
    /** Hidden by design while a plant condition (or an engineer) says it is meaningless. */
    SUPPRESSED,
    /** Taken out of service for maintenance: not evaluated for the operator at all. */
    OUT_OF_SERVICE;

    /** True for the states an operator sees in the alarm list. */
    public boolean annunciated() {
        return this == UNACK || this == ACKED || this == RTN_UNACK || this == LATCHED;
    }

    /** True for the states that still need an operator's acknowledgement (or reset). */
    public boolean needsAck() {
        return this == UNACK || this == RTN_UNACK || this == LATCHED;
    }
}
