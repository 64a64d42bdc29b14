package io.lineside.app;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.history.HistoryWriter;
import io.lineside.history.RetentionPolicy;
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

    /** Reads the keys from the {@code station} node (absent: the defaults). */
    static HistorySettings read(ConfigNode station) throws ConfigException {
        if (!station.isMapping()) {
            return DEFAULT;
        }
        ConfigNode days = station.get("retentionDays"); // validated by StationProfileLoader
        int retentionDays = days.isWholeNumber() ? (int) days.longValue() : StationProfile.DEFAULT_RETENTION_DAYS;
        long maxMb = (long) number(station.get("maxHistoryMb"), RetentionPolicy.DEFAULT_MAX_MB, 1, 1_000_000,
                "a whole number of MB from 1 to 1000000", true);
        double deadband = number(station.get("historyDeadband"), 0, 0, 1e12, "a number >= 0 (engineering units)",
                false);
        long interval = (long) number(station.get("historyMaxIntervalSeconds"), 60, 1, 86_400,
                "a whole number of seconds from 1 to 86400", true);
        return new HistorySettings(RetentionPolicy.of(retentionDays, maxMb), deadband, Duration.ofSeconds(interval));
    }

    private static double number(ConfigNode node, double fallback, double min, double max, String expected,
                                 boolean whole) throws ConfigException {
        if (node.isAbsent()) {
            return fallback;
        }
        if (!node.isNumber() || (whole && !node.isWholeNumber()) || node.doubleValue() < min || node.doubleValue() > max) {
            throw node.error(expected);
        }
        return node.doubleValue();
    }
}
