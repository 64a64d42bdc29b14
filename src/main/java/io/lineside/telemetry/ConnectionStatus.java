package io.lineside.telemetry;

import java.time.Instant;

/**
 * The broker link as the operator sees it.
 *
 * @param state      online, offline or connecting
 * @param since      when this state began
 * @param broker     the broker URL
 * @param reconnects how many times the link was re-established after a loss
 * @param detail     why the link is down (a precise operator message), or empty
 */
public record ConnectionStatus(ConnectionState state, Instant since, String broker, int reconnects, String detail) {
}
