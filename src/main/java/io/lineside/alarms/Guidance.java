package io.lineside.alarms;

import java.time.Duration;

/**
 * What the operator is told with an alarm (ISA-18.2 alarm response procedure).
 *
 * @param timeToRespond how long the operator has before the consequence happens
 */
public record Guidance(String cause, String consequence, String action, Duration timeToRespond) {
}
