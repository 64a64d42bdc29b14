package io.lineside.stations;

import io.lineside.tags.StationId;
import java.util.List;
import java.util.Optional;

/**
 * What one station has: its signals in display order (configured ones in config order, then those only seen, by
 * name). A station nobody described still lists every signal it sent, as generic ones. Immutable.
 */
public record StationDescription(StationId station, List<SignalDescription> signals) {

    public StationDescription {
        signals = List.copyOf(signals);
    }

    public Optional<SignalDescription> signal(String name) {
        return signals.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The first signal with {@code role}, if the station has one. */
    public Optional<SignalDescription> withRole(SignalRole role) {
        return signals.stream().filter(s -> s.has(role)).findFirst();
    }

    /** The signals shown as values (bars or numbers): all but the state and the part counters. */
    public List<SignalDescription> values() {
        return signals.stream().filter(s -> !s.has(SignalRole.STATE) && !s.has(SignalRole.GOOD_COUNT)
                && !s.has(SignalRole.SCRAP_COUNT)).toList();
    }

    /** The signals on the default trend: those with alarm limits first (the ones watched most), then in order. */
    public List<SignalDescription> trended() {
        return signals.stream().filter(SignalDescription::trend)
                .sorted(java.util.Comparator.comparing(s -> !s.limits().any())).toList();
    }

    /**
     * The {@code n} values a small tile shows: the SPEED role first, then the trended ones, then other numeric
     * values, in display order.
     */
    public List<SignalDescription> keyValues(int n) {
        java.util.LinkedHashSet<SignalDescription> out = new java.util.LinkedHashSet<>();
        values().stream().filter(s -> s.has(SignalRole.SPEED)).forEach(out::add);
        values().stream().filter(SignalDescription::trend).forEach(out::add);
        values().stream().filter(s -> s.kind().numeric()).forEach(out::add);
        values().forEach(out::add);
        return out.stream().limit(n).toList();
    }
}
