package io.lineside.history;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Instant;

/** Test data: tag updates at given epoch milliseconds. */
final class Samples {
    static final TagPath TEMP = TagPath.parse("plant1/press/line1/st10/temperature");
    static final TagPath STATE = TagPath.parse("plant1/press/line1/st10/state");
    static final Instant T0 = Instant.parse("2025-03-01T06:00:00Z");

    private Samples() {
    }

    static TagUpdate good(TagPath path, Instant at, double value, long seq) {
        return new TagUpdate(path, TagValue.good(value, at, at.plusMillis(5), seq));
    }

    static TagUpdate of(TagPath path, Instant at, Object value, Quality quality, long seq) {
        return new TagUpdate(path, new TagValue(value, at, at.plusMillis(5), quality, seq));
    }
}
