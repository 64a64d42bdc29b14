package io.lineside.telemetry.mapping;

import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.util.Objects;

/**
 * An engineer's request to map one topic seen on the broker to a station signal. Immutable.
 *
 * @param topic   the MQTT topic exactly as it arrived (no wildcards, no {@code {part}} levels)
 * @param station the station it belongs to
 * @param signal  the signal name (a valid tag segment)
 * @param unit    "" for none, at most 16 characters
 * @param low     engineering range low end, or NaN for no range
 * @param high    engineering range high end, or NaN for no range
 */
public record NewSignal(String topic, StationId station, String signal, String unit, double low, double high) {

    public NewSignal {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(signal, "signal");
        unit = unit == null ? "" : unit.strip();
    }

    /** The tag its messages will land on. */
    public TagPath path() {
        return station.signal(signal);
    }

    public boolean hasRange() {
        return !Double.isNaN(low) || !Double.isNaN(high);
    }

    /** One line for the audit row: {@code topic -> site/area/line/station/signal [unit] [low, high]}. */
    public String describe() {
        return topic + " -> " + path() + (unit.isEmpty() ? "" : " " + unit)
                + (hasRange() ? " [" + io.lineside.config.YamlScalars.number(low) + ", " + io.lineside.config.YamlScalars.number(high) + "]" : "");
    }
}
