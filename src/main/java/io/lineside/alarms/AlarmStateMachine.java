package io.lineside.alarms;

/**
 * The ISA-18.2 alarm state model as one pure function. Stateless and safe from any thread.
 *
 * <p>Precedence of the hiding states: out-of-service over suppressed over shelved. Suppressing a shelved alarm ends
 * the shelve; leaving any hiding state goes to {@link AlarmState#UNACK} if the condition is active (the operator has
 * not seen it) and to {@link AlarmState#NORMAL} otherwise. A trigger that does not apply leaves the state unchanged.
 */
public final class AlarmStateMachine {

    /**
     * What the next state depends on besides the current state and the trigger.
     *
     * @param conditionActive the (debounced) condition is active now
     * @param latching        the alarm's definition latches
     * @param oneShotShelve   the current shelve ends when the condition returns to normal
     */
    public record Context(boolean conditionActive, boolean latching, boolean oneShotShelve) {
    }

    private AlarmStateMachine() {
    }

    /** The state after {@code trigger} happens in {@code state}. */
    public static AlarmState next(AlarmState state, AlarmTrigger trigger, Context context) {
        AlarmState returning = context.conditionActive() ? AlarmState.UNACK : AlarmState.NORMAL;
        if (state == AlarmState.OUT_OF_SERVICE) {
            return trigger == AlarmTrigger.RETURN_TO_SERVICE ? returning : state;
        }
        if (trigger == AlarmTrigger.REMOVE_FROM_SERVICE) {
            return AlarmState.OUT_OF_SERVICE;
        }
        if (state == AlarmState.SUPPRESSED) {
            return trigger == AlarmTrigger.UNSUPPRESS ? returning : state;
        }
        if (trigger == AlarmTrigger.SUPPRESS) {
            return AlarmState.SUPPRESSED;
        }
        if (state == AlarmState.SHELVED) {
            return switch (trigger) {
                case UNSHELVE -> returning;
                case CLEAR -> context.oneShotShelve() ? AlarmState.NORMAL : state;
                default -> state;
            };
        }
        if (trigger == AlarmTrigger.SHELVE) {
            return AlarmState.SHELVED;
        }
        return annunciation(state, trigger, context.latching());
    }

    /** The visible states: NORMAL, UNACK, ACKED, RTN_UNACK, LATCHED. */
    private static AlarmState annunciation(AlarmState state, AlarmTrigger trigger, boolean latching) {
        return switch (trigger) {
            case ACTIVATE -> state == AlarmState.ACKED ? AlarmState.ACKED : AlarmState.UNACK;
            case CLEAR -> switch (state) {
                case UNACK -> latching ? AlarmState.LATCHED : AlarmState.RTN_UNACK;
                case ACKED -> latching ? AlarmState.LATCHED : AlarmState.NORMAL;
                default -> state;
            };
            case ACK -> switch (state) {
                case UNACK -> AlarmState.ACKED;
                case RTN_UNACK, LATCHED -> AlarmState.NORMAL;
                default -> state;
            };
            case REALARM -> state == AlarmState.ACKED ? AlarmState.UNACK : state;
            default -> state; // UNSHELVE, UNSUPPRESS, RETURN_TO_SERVICE do not apply to a visible state
        };
    }
}
