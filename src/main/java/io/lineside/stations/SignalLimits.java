package io.lineside.stations;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.LimitCondition;
import io.lineside.tags.TagPath;
import java.util.List;

/**
 * A signal's alarm limits as its alarm definitions configure them (NaN where none): the one source of the limit
 * marks on every view (faceplate bars, floor-plan bars, tiles). Immutable.
 */
public record SignalLimits(double lowLow, double low, double high, double highHigh) {

    public static final SignalLimits NONE = new SignalLimits(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The limits of {@code tag} among {@code definitions} (limit alarms only; the last of a level wins). */
    public static SignalLimits of(TagPath tag, List<AlarmDefinition> definitions) {
        double[] at = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (AlarmDefinition d : definitions) {
            if (d.tag().equals(tag) && d.condition() instanceof LimitCondition c) {
                at[c.level().ordinal()] = c.limit(); // HH, H, L, LL
            }
        }
        return new SignalLimits(at[3], at[2], at[1], at[0]);
    }

    /** True if at least one limit is configured. */
    public boolean any() {
        return !Double.isNaN(lowLow) || !Double.isNaN(low) || !Double.isNaN(high) || !Double.isNaN(highHigh);
    }
}
