package io.lineside.stations;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a station config says about one signal beyond its unit and range (those are the tag's
 * {@link io.lineside.tags.TagMeta}): its label, display decimals, kind, roles and whether to trend it by default.
 * Every part is optional. Immutable.
 *
 * @param label    its name for operators, per language; empty for the signal name
 * @param units    the unit per language when it reads differently (e.g. {@code /分}); empty for the tag's unit
 * @param decimals digits after the point, or -1 for the default (one)
 * @param kind     its kind, or null to infer it (from its role, then its values)
 * @param roles    what the HMI makes of it; empty for the conventional role of its name, if any
 * @param trend    true/false to put it on (or keep it off) the default trend; null to let the model choose
 */
public record SignalConfig(Localized label, Localized units, int decimals, SignalKind kind, Set<SignalRole> roles,
                           Boolean trend) {

    /** Nothing configured. */
    public static final SignalConfig NONE = new SignalConfig(Localized.NONE, Localized.NONE, -1, null, Set.of(), null);

    public SignalConfig {
        label = Objects.requireNonNullElse(label, Localized.NONE);
        units = Objects.requireNonNullElse(units, Localized.NONE);
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (decimals < -1 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0 to 6, was " + decimals);
        }
    }
}
