package io.lineside.telemetry;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The operator-command link: a publish-only Paho client of its own that can never queue or replay a command.
 * Clean session, memory persistence, no disconnected buffer (Paho then refuses a publish while offline), no
 * automatic reconnect: when the link drops, the client and whatever it had in flight are thrown away and a fresh
 * client connects, so nothing sent before is retransmitted on the next connection. (The telemetry link keeps a
 * persistent session with file persistence, which would resend an unacknowledged QoS 1 command on reconnect.)
 *
 * <p>Safe from any thread; one supervisor thread owns connecting.
 */
public final class CommandLink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CommandLink.class.getName());
    private static final int KEEP_ALIVE_SECONDS = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** A command was not handed to the broker; the message says why, fit for the operator. */
    public static final class NotSentException extends Exception {
        NotSentException(String message) {
            super(message);
        }
    }

    private final MqttConnection.Settings settings;
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lineside-command-link").daemon().unstarted(r));
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10),
            ThreadLocalRandom.current());
    private volatile MqttAsyncClient client; // null between connections
    private volatile boolean closed;

    /** @param base broker, credentials, failover and TLS of the workstation; its client id gets {@code -cmd} */
    public CommandLink(MqttConnection.Settings base) {
        String id = base.clientId() + "-cmd";
        this.settings = new MqttConnection.Settings(base.brokerUrl(), id.length() > 64 ? id.substring(0, 64) : id, "",
                base.username(), base.password(), null, base.failover(), base.tls());
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        supervisor.execute(this::connect);
    }

    /** True if a command would be handed to the broker now. */
    public boolean connected() {
        MqttAsyncClient c = client;
        return !closed && c != null && c.isConnected();
    }

    /**
     * Hands one message (never retained) to the connected client and returns; does not wait for the broker's ack.
     *
     * @throws NotSentException at once when offline, or when the client refuses it
     */
    public void publish(String topic, byte[] payload, int qos) throws NotSentException {
        MqttAsyncClient c = client;
        if (closed || c == null || !c.isConnected()) {
            throw new NotSentException("the command link to " + settings.brokerUrl() + " is down");
        }
        try {
            c.publish(topic, payload, qos, false);
        } catch (MqttException | RuntimeException e) {
            throw new NotSentException("the MQTT client refused it: " + e.getMessage());
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "command link: cannot use broker URL {0}: {1}", settings.brokerUrl(),
                    e.getMessage());
            return;
        }
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                execute(() -> dropped(c, OperatorMessages.connectionLost(cause)));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // publish-only: it subscribes to nothing
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = ConnectAttempt.options(settings, KEEP_ALIVE_SECONDS, CONNECT_TIMEOUT);
        ConnectAttempt attempt = new ConnectAttempt(supervisor, present -> connected(c),
                error -> dropped(c, OperatorMessages.connectFailed(settings.brokerUrl(), error)));
        try {
            c.connect(options, null, attempt);
            supervisor.schedule(() -> {
                if (attempt.settle()) {
                    dropped(c, "no answer from " + settings.brokerUrl());
                }
            }, CONNECT_TIMEOUT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (MqttException | RuntimeException e) {
            attempt.settle();
            dropped(c, OperatorMessages.connectFailed(settings.brokerUrl(), e));
        }
    }

    private void connected(MqttAsyncClient c) {
        if (closed) {
            discard(c);
            return;
        }
        backoff.reset();
        client = c;
        LOG.log(System.Logger.Level.INFO, "command link up: {0}", c.getCurrentServerURI());
    }

    /** On the supervisor: throw the client away (with anything in flight) and connect a fresh one later. */
    private void dropped(MqttAsyncClient c, String reason) {
        if (client == c) {
            client = null;
        }
        discard(c);
        if (closed) {
            return;
        }
        Duration delay = backoff.next();
        LOG.log(System.Logger.Level.INFO, "command link: {0}; next attempt in {1} ms", reason, delay.toMillis());
        try {
            supervisor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private static void discard(MqttAsyncClient c) {
        try {
            c.disconnectForcibly(0, 500, false);
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "command link discard: {0}", e.getMessage());
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "command link close: {0}", e.getMessage());
        }
    }

    private void execute(Runnable r) {
        try {
            supervisor.execute(r);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    @Override
    public void close() {
        closed = true;
        supervisor.shutdownNow();
        MqttAsyncClient c = client;
        client = null;
        if (c != null) {
            try {
                c.disconnect(500).waitForCompletion(1_000);
            } catch (MqttException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "command link disconnect: {0}", e.getMessage());
            }
            discard(c);
        }
    }
}
