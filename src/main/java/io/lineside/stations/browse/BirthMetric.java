package io.lineside.stations.browse;

import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import java.time.Instant;

/**
 * A Sparkplug metric as a birth declared it, in the browser's words (the composition root adapts the Sparkplug
 * host's registry to it, so this package stays free of telemetry).
 *
 * @param address  {@code group/edge[/device]/metric}
 * @param datatype its Sparkplug data type name
 * @param path     the tag it maps to, or null when the ingest drops it
 * @param meta     unit, range and description from its property set
 * @param value    the last value of an unmapped metric as text (empty when none)
 * @param seen     when that value (or the birth) arrived
 */
public record BirthMetric(String address, String datatype, TagPath path, TagMeta meta, String value, Instant seen) {
}
