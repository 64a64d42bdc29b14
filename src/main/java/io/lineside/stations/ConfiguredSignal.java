package io.lineside.stations;

import io.lineside.tags.StationId;
import io.lineside.tags.TagMeta;
import java.util.Map;
import java.util.Objects;

/**
 * A signal as a station config describes it, for the stations it applies to: those whose ISA-95 parts equal
 * {@code scope}'s (a mapping rule's fixed {@code site}, {@code area}, {@code line}, {@code station}); an empty
 * scope applies to every station.
 */
public record ConfiguredSignal(Map<String, String> scope, String name, TagMeta meta, SignalConfig config) {

    public ConfiguredSignal {
        scope = Map.copyOf(scope);
        Objects.requireNonNull(name, "name");
        meta = Objects.requireNonNullElse(meta, TagMeta.NONE);
        config = Objects.requireNonNullElse(config, SignalConfig.NONE);
    }

    public boolean appliesTo(StationId id) {
        return matches("site", id.site()) && matches("area", id.area()) && matches("line", id.line())
                && matches("station", id.station());
    }

    private boolean matches(String part, String value) {
        String fixed = scope.get(part);
        return fixed == null || fixed.equals(value);
    }
}
