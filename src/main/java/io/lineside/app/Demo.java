package io.lineside.app;

import io.lineside.sim.LineSimulator;
import io.lineside.sim.SimPlant;
import io.lineside.telemetry.MqttPublisher;
import java.time.Clock;
import java.time.Duration;

/** The demo plant: an embedded broker and the line simulator publishing to it over real MQTT. */
final class Demo implements AutoCloseable {

    private final EmbeddedBroker broker;
    private final Clock clock;
    private MqttPublisher publisher;
    private LineSimulator simulator;

    private Demo(EmbeddedBroker broker, Clock clock) {
        this.broker = broker;
        this.clock = clock;
    }

    static Demo start(Clock clock) {
        return new Demo(EmbeddedBroker.start(), clock);
    }

    String brokerUrl() {
        return broker.url();
    }

    /** Starts publishing the 3 × 6 demo workshop under {@code topicPrefix}, one tick a second. */
    void startSimulator(String topicPrefix) {
        SimPlant plant = SimPlant.demo(topicPrefix, System.nanoTime());
        // The simulator obeys operator commands on <telemetry topic>/set, so the demo closes the loop.
        publisher = new MqttPublisher(broker.url(), "lineside-simulator-" + ProcessHandle.current().pid(), 1)
                .listen(topicPrefix + "/+/+/+/+/+/set", plant::command)
                .connect(Duration.ofSeconds(10));
        simulator = new LineSimulator(plant, publisher::publish, clock, Duration.ofSeconds(1));
        simulator.start();
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        broker.close();
    }
}
