package io.lineside.telemetry.sparkplug;

import io.lineside.telemetry.ConnectionState;
import io.lineside.telemetry.ConnectionStatus;
import io.lineside.telemetry.HostPresence;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.telemetry.MqttConnection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The Sparkplug host's own broker link: a clean-session {@link MqttConnection} (the spec requires one) subscribed to
 * every configured group and to STATE, feeding a {@link SparkplugHost}; rebirth requests go out on the same link as
 * QoS 0 NCMDs. Built and closed by the composition root.
 */
public final class SparkplugLink implements AutoCloseable {

    static final int QUEUE = 50_000;

    private final MqttConnection connection;
    private final SparkplugHost host;

    /**
     * @param base     broker, client id, credentials, failover and TLS to use; its subscription and session
     *                 directory are replaced (Sparkplug filters, clean session)
     * @param onStatus called on the connection's supervisor thread after every status change
     */
    public SparkplugLink(SparkplugSettings settings, MqttConnection.Settings base, SparkplugSink sink,
                         IngestDiagnostics diagnostics, Clock clock, Consumer<ConnectionStatus> onStatus) {
        List<String> filters = settings.subscriptions();
        MqttConnection.Settings clean = new MqttConnection.Settings(base.brokerUrl(), base.clientId(), filters.getFirst(),
                base.username(), base.password(), null, base.failover(), base.tls());
        // The connection's publish() is the command path; it exists once the connection does.
        AtomicReference<MqttConnection> link = new AtomicReference<>();
        this.host = new SparkplugHost(settings, sink, (topic, payload) -> link.get().publish(topic, payload, 0),
                diagnostics, clock, QUEUE);
        this.connection = new MqttConnection(clean, host::offer, clock);
        link.set(connection);
        if (settings.primaryHost()) { // Sparkplug 3.0 primary host: STATE birth on connect, Will and death
            connection.presence(new HostPresence(SparkplugTopic.NAMESPACE + "/STATE/" + settings.hostId()));
        }
        filters.subList(1, filters.size()).forEach(connection::alsoSubscribe);
        connection.onStatus(status -> {
            if (status.state() != ConnectionState.ONLINE) {
                host.linkLost();
            }
            onStatus.accept(status);
        });
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        connection.start();
    }

    public MqttConnection connection() {
        return connection;
    }

    public SparkplugHost host() {
        return host;
    }

    /** Disconnects, then lets the host decode what is queued. */
    @Override
    public void close() {
        connection.close();
        host.close();
    }
}
