package io.lineside.sim;

/** One telemetry message the simulator publishes. */
public record SimMessage(String topic, byte[] payload) {
}
