package io.lineside.alarms;

import io.lineside.tags.TagPath;

/** Suppression by design: the alarm is suppressed while {@code condition} holds on {@code tag}. */
public record SuppressionRule(TagPath tag, DiscreteCondition condition) {
}
