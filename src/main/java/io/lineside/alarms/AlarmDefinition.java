package io.lineside.alarms;

import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured alarm. Immutable; built by {@link AlarmDefinitionsLoader}, which validates it.
 *
 * @param id           unique in the plant, 1-64 of {@code A-Z a-z 0-9 _ . -}
 * @param tag          the signal the condition is evaluated on
 * @param station      the station (equipment) it belongs to; flood mode groups by it
 * @param onDelay      the condition must hold this long before the alarm activates
 * @param offDelay     the condition must be gone this long before the alarm clears
 * @param realarmAfter an acknowledged alarm still active this long is annunciated again; zero turns that off
 * @param maxShelve    the longest an operator may shelve it
 * @param messages     message text by language tag ({@code en} always present, {@code zh-CN} ...)
 */
public record AlarmDefinition(String id, TagPath tag, StationId station, Priority priority, AlarmCondition condition,
                              Duration onDelay, Duration offDelay, boolean latching, Duration realarmAfter,
                              Duration maxShelve, Map<String, String> messages, Optional<Guidance> guidance,
                              Optional<SuppressionRule> suppressWhen) {

    public AlarmDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(condition, "condition");
        if (onDelay.isNegative() || offDelay.isNegative() || realarmAfter.isNegative() || !maxShelve.isPositive()) {
            throw new IllegalArgumentException("alarm " + id + ": delays must be >= 0 and maxShelve > 0");
        }
        messages = Map.copyOf(messages);
        if (!messages.containsKey("en")) {
            throw new IllegalArgumentException("alarm " + id + ": an English message is required");
        }
    }

    /** The message in {@code language}, falling back to English. */
    public String message(String language) {
        return messages.getOrDefault(language, messages.get("en"));
    }

    /** A definition with defaults for everything but identity, priority and condition (for tests and tools). */
    public static AlarmDefinition simple(String id, TagPath tag, Priority priority, AlarmCondition condition) {
        return new AlarmDefinition(id, tag, tag.stationId(), priority, condition, Duration.ZERO, Duration.ZERO, false,
                Duration.ZERO, Duration.ofHours(8), Map.of("en", id), Optional.empty(), Optional.empty());
    }
}
