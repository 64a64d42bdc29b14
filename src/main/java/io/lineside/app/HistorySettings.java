package io.lineside.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.lineside.history.HistoryWriter;
import io.lineside.history.RetentionPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a station keeps history, from optional keys of its {@code station:} block: {@code retentionDays} (shared
 * with {@link StationProfile}), {@code maxHistoryMb} (default {@link RetentionPolicy#DEFAULT_MAX_MB}),
 * {@code historyDeadband} (engineering units, default 0: store every change) and
 * {@code historyMaxIntervalSeconds} (default 60: a flat value still gets a row each minute). One global deadband
 * for the tags whose mapping gives none of their own ({@code deadband:} of a signal, see {@code MappingsSection}).
 */
record HistorySettings(RetentionPolicy retention, double deadband, Duration maxInterval) {

    static final HistorySettings DEFAULT = new HistorySettings(
            RetentionPolicy.of(StationProfile.DEFAULT_RETENTION_DAYS, RetentionPolicy.DEFAULT_MAX_MB), 0,
            Duration.ofSeconds(60));

    /** Applies these settings to the station's history writer. */
    void applyTo(HistoryWriter writer) {
        writer.retain(retention);
        writer.storeOnChange(deadband, maxInterval);
    }

    /** Reads the keys from the {@code station:} mapping of {@code file} (null: none, the defaults). */
    static HistorySettings read(Path file, JsonNode station) throws ConfigException {
        if (station == null || !station.isObject()) {
            return DEFAULT;
        }
        JsonNode days = station.get("retentionDays"); // validated by StationProfileLoader
        int retentionDays = days != null && days.isIntegralNumber() ? days.asInt() : StationProfile.DEFAULT_RETENTION_DAYS;
        long maxMb = number(file, station, "maxHistoryMb", RetentionPolicy.DEFAULT_MAX_MB, 1, 1_000_000,
                "a whole number of MB from 1 to 1000000", true);
        double deadband = number(file, station, "historyDeadband", 0, 0, 1e12, "a number >= 0 (engineering units)",
                false);
        long interval = number(file, station, "historyMaxIntervalSeconds", 60, 1, 86_400,
                "a whole number of seconds from 1 to 86400", true);
        return new HistorySettings(RetentionPolicy.of(retentionDays, maxMb), deadband, Duration.ofSeconds(interval));
    }

    private static long number(Path file, JsonNode station, String key, long fallback, long min, long max,
                               String expected, boolean whole) throws ConfigException {
        double value = number(file, station, key, (double) fallback, min, max, expected, whole);
        return (long) value;
    }

    private static double number(Path file, JsonNode station, String key, double fallback, double min, double max,
                                 String expected, boolean whole) throws ConfigException {
        JsonNode node = station.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber() || (whole && !node.isIntegralNumber()) || node.asDouble() < min || node.asDouble() > max) {
            throw new ConfigException("config " + file + ": key 'station." + key + "': expected " + expected
                    + ", found " + (node.isTextual() ? "\"" + node.asText() + "\"" : node.toString()));
        }
        return node.asDouble();
    }
}
