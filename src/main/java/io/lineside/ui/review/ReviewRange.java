package io.lineside.ui.review;

import java.time.Duration;
import java.time.Instant;

/** The time ranges a review offers, ending now. */
public enum ReviewRange {
    LAST_HOUR(Duration.ofHours(1)),
    LAST_8_HOURS(Duration.ofHours(8)),
    LAST_24_HOURS(Duration.ofHours(24)),
    LAST_7_DAYS(Duration.ofDays(7));

    private final Duration length;

    ReviewRange(Duration length) {
        this.length = length;
    }

    /** Where this range starts when it ends at {@code now}. */
    public Instant from(Instant now) {
        return now.minus(length);
    }
}
