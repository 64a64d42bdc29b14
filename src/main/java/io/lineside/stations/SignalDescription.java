package io.lineside.stations;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One signal of a station as every view shows it. Immutable and safe from any thread.
 *
 * @param name      the tag's signal segment
 * @param label     its operator name per language (empty: the name)
 * @param unit      its unit ("" when unknown), and {@code units} per language where it reads differently
 * @param low       the engineering range's low end, or -Infinity when unknown
 * @param high      the engineering range's high end, or +Infinity when unknown
 * @param decimals  digits after the point for display (one when not configured)
 * @param kind      how it is drawn
 * @param roles     what the HMI makes of it
 * @param trend     on the default trend
 * @param limits    its alarm limits (from the alarm definitions)
 * @param described true if a config or a birth certificate described it; false for a generic signal only seen
 */
public record SignalDescription(String name, Localized label, String unit, Localized units, double low, double high,
                                int decimals, SignalKind kind, Set<SignalRole> roles, boolean trend,
                                SignalLimits limits, boolean described) {

    /** Display decimals when none are configured: what the views have always shown. */
    public static final int DEFAULT_DECIMALS = 1;

    public SignalDescription {
        Objects.requireNonNull(name, "name");
        unit = Objects.requireNonNullElse(unit, "");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(limits, "limits");
    }

    public String label(Locale locale) {
        return label.in(locale, name);
    }

    public String unit(Locale locale) {
        return units.in(locale, unit);
    }

    public boolean has(SignalRole role) {
        return roles.contains(role);
    }

    /** True when both ends of the engineering range are known: a bar has a scale that is not made up. */
    public boolean hasRange() {
        return Double.isFinite(low) && Double.isFinite(high) && high > low;
    }

    /** The value with this signal's decimals (an em dash for NaN); counters as whole numbers. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "\u2014";
        }
        int digits = kind == SignalKind.COUNTER || kind == SignalKind.BOOLEAN ? 0 : decimals;
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
