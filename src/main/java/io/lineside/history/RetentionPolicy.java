package io.lineside.history;

import java.time.Duration;
import java.util.Objects;

/**
 * How much history a station keeps: samples, rollups, gaps and alarm events older than {@code maxAge} are dropped,
 * and so are the oldest hours once the history would outgrow {@code maxBytes} (estimated from the recent data rate,
 * see {@link HistoryRetention}).
 *
 * @param maxAge   age limit; {@link Duration#ZERO} keeps everything
 * @param maxBytes size limit of {@code history.mv.db}; 0 for none
 */
public record RetentionPolicy(Duration maxAge, long maxBytes) {

    /** Keeps everything (the default until the station configures a limit). */
    public static final RetentionPolicy KEEP_ALL = new RetentionPolicy(Duration.ZERO, 0);
    /** The default size limit when the station config names none: 2 GB, months of 1 Hz data for 50 tags. */
    public static final long DEFAULT_MAX_MB = 2048;

    public RetentionPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxBytes < 0) {
            throw new IllegalArgumentException("retention limits must not be negative: " + maxAge + ", " + maxBytes);
        }
    }

    /** Keeps {@code days} days and at most {@code maxMb} MB (0 for no size limit). */
    public static RetentionPolicy of(int days, long maxMb) {
        return new RetentionPolicy(Duration.ofDays(days), maxMb * 1024 * 1024);
    }
}
