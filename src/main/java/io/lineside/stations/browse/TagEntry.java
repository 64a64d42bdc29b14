package io.lineside.stations.browse;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import java.time.Instant;
import java.util.Locale;

/**
 * One source the broker carries, as the tag browser lists it. Immutable.
 *
 * @param key         stable identity: {@code tag:<path>}, {@code topic:<topic>} or {@code spb:<address>}
 * @param origin      the MQTT topic, or the Sparkplug {@code group/edge[/device]/metric}; the tag path when unknown
 * @param path        the station signal it maps to, or null when nothing maps it (the ingest drops it)
 * @param configured  true when a station config or a birth describes the signal; false for one only seen
 * @param datatype    {@code JSON}, or the Sparkplug data type name
 * @param unit        "" when unknown
 * @param low         engineering range low end, -Infinity when unknown
 * @param high        engineering range high end, +Infinity when unknown
 * @param value       the last value as text ("" when none); for an unknown JSON topic the start of its payload
 * @param quality     the tag's quality, or null for an unmapped source (never decoded)
 * @param received    when the last value arrived, or null when unknown
 * @param messages    messages counted on an unknown topic (0 for the others)
 */
public record TagEntry(String key, Source source, String origin, TagPath path, boolean configured, String datatype,
                       String unit, double low, double high, String description, String value, Quality quality,
                       Instant received, long messages) {

    /** Where the source comes from. */
    public enum Source { JSON, SPARKPLUG }

    /** Which entries a filter keeps. */
    public enum Mapping { ALL, MAPPED, UNMAPPED }

    public boolean mapped() {
        return path != null;
    }

    public boolean hasRange() {
        return Double.isFinite(low) && Double.isFinite(high) && high > low;
    }

    /** True when {@code mapping} keeps it and {@code lowerText} (lower case) is in its origin, path, unit or description
     * (not its value: a changing value must not move it in and out of a filter). */
    boolean matches(Mapping mapping, String lowerText) {
        if (mapping == Mapping.MAPPED && !mapped() || mapping == Mapping.UNMAPPED && mapped()) {
            return false;
        }
        return lowerText.isEmpty() || origin.toLowerCase(Locale.ROOT).contains(lowerText)
                || (path != null && path.toString().toLowerCase(Locale.ROOT).contains(lowerText))
                || description.toLowerCase(Locale.ROOT).contains(lowerText)
                || unit.toLowerCase(Locale.ROOT).contains(lowerText);
    }
}
