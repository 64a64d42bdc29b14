package io.lineside.commands;

import io.lineside.tags.TagPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** At most one sent write per signal per its {@code minInterval}. Safe from any thread. */
final class RateLimit {

    private final Map<TagPath, Instant> lastSent = new ConcurrentHashMap<>();

    /** Why a write to {@code path} now is too soon, or empty. */
    Optional<String> tooSoon(TagPath path, Duration minInterval, Instant now) {
        Instant last = lastSent.get(path);
        if (last == null || minInterval.isZero()) {
            return Optional.empty();
        }
        Duration since = Duration.between(last, now);
        if (since.compareTo(minInterval) >= 0) {
            return Optional.empty();
        }
        return Optional.of("too soon: one write per " + millis(minInterval) + " s to this signal (the last was "
                + millis(since) + " s ago)");
    }

    void sent(TagPath path, Instant at) {
        lastSent.put(path, at);
    }

    private static String millis(Duration d) {
        return CommandSpec.format(d.toMillis() / 1000.0);
    }
}
