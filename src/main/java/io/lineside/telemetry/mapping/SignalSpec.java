package io.lineside.telemetry.mapping;

import io.lineside.stations.SignalConfig;
import io.lineside.tags.TagMeta;
import java.util.Objects;

/**
 * One signal of a mapping rule.
 *
 * @param name   the tag's signal name (last ISA-95 segment)
 * @param path   where a batch message carries it; null for number/object rules (the topic names the signal)
 * @param meta   unit, engineering range and expected period ({@link TagMeta#NONE} when not configured)
 * @param config how the views show it: label, decimals, kind, roles, default trend ({@link SignalConfig#NONE})
 */
public record SignalSpec(String name, FieldPath path, TagMeta meta, SignalConfig config) {
    public SignalSpec {
        Objects.requireNonNull(name, "name");
        meta = meta == null ? TagMeta.NONE : meta;
        config = config == null ? SignalConfig.NONE : config;
    }

    /** A signal with nothing said about its display. */
    public SignalSpec(String name, FieldPath path, TagMeta meta) {
        this(name, path, meta, SignalConfig.NONE);
    }
}
