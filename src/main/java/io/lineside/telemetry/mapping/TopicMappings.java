package io.lineside.telemetry.mapping;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The ordered topic → tag rules of a workstation: the first rule whose template matches a topic wins. Immutable
 * and safe from any thread; per-message matching happens in a thread-confined {@link TopicResolver}.
 */
public final class TopicMappings {

    /** Source and receive time may differ by this much before a value is flagged as clock-skewed. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

    private final List<MappingRule> rules;
    private final List<String> subscriptions;
    private final Duration clockSkewLimit;

    private TopicMappings(List<MappingRule> rules, List<String> subscriptions, Duration clockSkewLimit) {
        this.rules = List.copyOf(rules);
        this.subscriptions = List.copyOf(subscriptions);
        this.clockSkewLimit = Objects.requireNonNull(clockSkewLimit, "clockSkewLimit");
        if (this.rules.isEmpty()) {
            throw new IllegalArgumentException("at least one mapping rule is needed");
        }
    }

    /** Configured rules, subscribed to with one filter per rule (duplicates merged). */
    public static TopicMappings of(List<MappingRule> rules, Duration clockSkewLimit) {
        LinkedHashSet<String> filters = new LinkedHashSet<>();
        rules.forEach(rule -> filters.add(rule.topic().subscription()));
        return new TopicMappings(rules, List.copyOf(filters), clockSkewLimit);
    }

    /**
     * What a workstation without a {@code mappings:} section uses, exactly as before mappings existed:
     * {@code <prefix>/<site>/<area>/<line>/<station>/<signal>}, a number or {"v","ts","q","seq"} per message, and
     * one {@code <prefix>/#} subscription (so stray topics under the prefix are still counted as unknown).
     */
    public static TopicMappings defaults(String prefix) {
        return defaults(prefix, DEFAULT_CLOCK_SKEW);
    }

    /** {@link #defaults(String)} with another clock-skew limit. */
    public static TopicMappings defaults(String prefix, Duration clockSkewLimit) {
        MappingRule rule = MappingRule.simple(prefix + "/{site}/{area}/{line}/{station}/{signal}", PayloadKind.OBJECT);
        return new TopicMappings(List.of(rule), List.of(prefix + "/#"), clockSkewLimit);
    }

    /** The rules, in matching order. */
    public List<MappingRule> rules() {
        return rules;
    }

    /** The MQTT topic filters to subscribe to, at least one. */
    public List<String> subscriptions() {
        return subscriptions;
    }

    /** How far source time may stray from receive time before a value is flagged. */
    public Duration clockSkewLimit() {
        return clockSkewLimit;
    }

    /** The same rules with another clock-skew limit. */
    public TopicMappings withClockSkewLimit(Duration limit) {
        return new TopicMappings(rules, subscriptions, limit);
    }

    @Override
    public String toString() {
        return "TopicMappings" + rules;
    }
}
