package io.lineside.sim;

/** Where simulated telemetry goes (an MQTT client in the app). Implementations count their own failures. */
@FunctionalInterface
public interface SimPublisher {
    void publish(String topic, byte[] payload);
}
