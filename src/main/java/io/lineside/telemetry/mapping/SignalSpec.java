package io.lineside.telemetry.mapping;

import io.lineside.tags.TagMeta;
import java.util.Objects;

/**
 * One signal of a mapping rule.
 *
 * @param name the tag's signal name (last ISA-95 segment)
 * @param path where a batch message carries it; null for number/object rules (the topic names the signal)
 * @param meta unit, engineering range and expected period ({@link TagMeta#NONE} when not configured)
 */
public record SignalSpec(String name, FieldPath path, TagMeta meta) {
    public SignalSpec {
        Objects.requireNonNull(name, "name");
        meta = meta == null ? TagMeta.NONE : meta;
    }
}
