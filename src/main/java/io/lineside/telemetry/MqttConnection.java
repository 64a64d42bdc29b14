package io.lineside.telemetry;

import io.lineside.tags.TagGap;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;

/**
 * The subscribing link to one broker. One supervisor thread owns the Paho client: it connects, retries
 * with full-jitter backoff (Paho's own reconnect does not cover a failed first connect), subscribes
 * asynchronously, and publishes a {@link ConnectionStatus} on every change. Messages go to
 * {@code onMessage} straight from Paho's callback thread, which must return quickly: it may block for a
 * moment to push back (Paho then stops reading the socket, so the broker buffers), never beyond the keep-alive.
 */
public final class MqttConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MqttConnection.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A connect attempt with no answer (CONNACK or failure) by then is abandoned: Paho would wait forever. */
    static final Duration CONNACK_TIMEOUT = CONNECT_TIMEOUT.plusSeconds(1);
    private static final int KEEP_ALIVE_SECONDS = 5;
    /** Commands queued or in flight at most; beyond that {@link #publish} refuses, so a flood cannot pile up. */
    static final int MAX_PENDING_PUBLISHES = 16;

    /**
     * Where and how to connect. The password is never logged or shown.
     *
     * @param sessionDir null for a clean session that forgets everything on disconnect (QoS 1 messages are then
     *                   acknowledged by Paho on arrival); otherwise the broker keeps our session, QoS 1 messages
     *                   are acknowledged only through the ack handed to the {@link MessageHandler}, and Paho's
     *                   own state lives in this directory (never the working directory)
     */
    public record Settings(String brokerUrl, String clientId, String subscription, String username,
                           char[] password, Path sessionDir, List<String> failover, SSLSocketFactory tls) {

        /**
         * @param failover further broker URLs tried in order when {@code brokerUrl} is unreachable (may be empty)
         * @param tls      for {@code ssl://} URLs: trusts the site CA (see {@link TrustStores}); null for the JDK's
         *                 default trust
         */
        public Settings {
            failover = failover == null ? List.of() : List.copyOf(failover);
        }

        /** One broker, default trust. */
        public Settings(String brokerUrl, String clientId, String subscription, String username, char[] password,
                        Path sessionDir) {
            this(brokerUrl, clientId, subscription, username, password, sessionDir, List.of(), null);
        }

        /** A clean session: nothing kept across connections. */
        public Settings(String brokerUrl, String clientId, String subscription, String username, char[] password) {
            this(brokerUrl, clientId, subscription, username, password, null);
        }

        String[] serverUris() {
            List<String> all = new ArrayList<>();
            all.add(brokerUrl);
            all.addAll(failover);
            return all.toArray(String[]::new);
        }

        boolean persistent() {
            return sessionDir != null;
        }
    }

    /** Receives every message on Paho's callback thread: copy, enqueue, return; must never throw. */
    @FunctionalInterface
    public interface MessageHandler {
        /**
         * @param ack sends the broker's acknowledgement when run, from any thread; a no-op for QoS 0 or a clean
         *            session. Run it only once the message is safe, in arrival order, or never.
         */
        void onMessage(String topic, byte[] payload, Runnable ack);
    }


    private final Settings settings;
    private final MessageHandler onMessage;
    private final Clock clock;
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("lineside-mqtt").daemon().unstarted(r));
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10),
            ThreadLocalRandom.current());
    private final MqttAsyncClient client;
    private final CommandSender commands;
    private volatile Consumer<ConnectionStatus> listener = status -> { };
    private volatile Consumer<TagGap> sessionLossListener = gap -> { };
    private volatile MessageTap tap;
    private volatile HostPresence presence;
    private final List<String> subscriptions = new CopyOnWriteArrayList<>();
    private volatile ConnectionStatus status;
    private boolean everConnected;
    private volatile int attempts;
    private volatile int generation; // bumped on each attempt: an ack from an older link is not sent
    private volatile int subscribedOn = -1;
    private int reconnects;
    private int sessionsLost;
    private Instant lostAt;
    private volatile boolean closed;
    /** Null when the broker URLs mix schemes or use WebSockets: Paho's own sockets, unguarded (logged). */
    private final SocketFactory sockets;
    private final AtomicLong unreadable = new AtomicLong();

    /**
     * @param onMessage called on Paho's thread for every message: copy, enqueue, return; must never throw
     */
    public MqttConnection(Settings settings, MessageHandler onMessage, Clock clock) {
        this.settings = settings;
        this.onMessage = onMessage;
        this.clock = clock;
        try {
            MqttClientPersistence persistence = settings.persistent()
                    ? new MqttDefaultFilePersistence(settings.sessionDir().toString()) : new MemoryPersistence();
            this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), persistence);
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use broker URL " + settings.brokerUrl() + ": " + e.getMessage(), e);
        }
        this.commands = new CommandSender(client, MAX_PENDING_PUBLISHES);
        // A topic Paho cannot decode would drop the link, and the broker would redeliver it forever (decision 0020).
        this.sockets = GuardedSocketFactory.forBrokers(settings.serverUris(), settings.tls(), this::unreadableTopic);
        if (sockets == null) {
            LOG.log(System.Logger.Level.WARNING, "broker URLs {0} mix schemes or use WebSockets: a topic the MQTT "
                    + "library cannot decode (e.g. an emoji) will drop the connection", brokers());
        }
        subscriptions.add(settings.subscription());
        client.setManualAcks(settings.persistent());
        client.setCallback(new Callback());
        this.status = new ConnectionStatus(ConnectionState.CONNECTING, clock.instant(), settings.brokerUrl(), 0, "");
    }

    /** Called on the supervisor thread after every status change. */
    public void onStatus(Consumer<ConnectionStatus> listener) {
        this.listener = listener;
    }

    /**
     * Called on the supervisor thread when a reconnect finds that the broker lost our persistent session: with an
     * every-tag {@link TagGap} from when the link went down to now (HMI clock), since what the broker queued for
     * us in between is gone. Must not block.
     */
    public void onSessionLost(Consumer<TagGap> listener) {
        this.sessionLossListener = listener;
    }

    /** Shows every arriving message to {@code tap} too (the inspector), while it is watching. Safe from any thread. */
    public void tap(MessageTap tap) {
        this.tap = tap;
    }

    /** Announces this client as a Sparkplug primary host (STATE birth, Will, death); call before {@link #start}. */
    public void presence(HostPresence presence) {
        this.presence = presence;
    }

    /** Adds a further topic filter, subscribed on every connect with the main one; call before {@link #start}. */
    public void alsoSubscribe(String filter) {
        subscriptions.add(filter);
    }

    /**
     * Queues one command message (QoS 0 or 1, never retained) for the supervisor thread, which hands it to Paho
     * without waiting for delivery. Refused (false) when offline, closed, or {@link #MAX_PENDING_PUBLISHES} are
     * already pending: commands fail fast, they are never buffered for a later link. Safe from any thread;
     * never blocks or throws. Audit of operator commands is the caller's job.
     */
    public boolean publish(String topic, byte[] payload, int qos) {
        if (closed || status.state() != ConnectionState.ONLINE) {
            return false;
        }
        return commands.submit(supervisor, topic, payload, qos);
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        supervisor.execute(this::connect);
    }

    /** How many connection attempts were started so far. Safe from any thread. */
    public int attempts() {
        return attempts;
    }

    /** How many times the broker had forgotten our persistent session on reconnect. Safe from any thread. */
    public synchronized int sessionsLost() {
        return sessionsLost;
    }

    /**
     * Messages whose topic the MQTT library could not decode, delivered under a {@link UnreadableTopics} stand-in
     * topic instead of dropping the link. Safe from any thread.
     */
    public long unreadableTopics() {
        return unreadable.get();
    }

    /** On Paho's receiver thread: count, and log the first ten and then every thousandth. */
    private void unreadableTopic(String standIn) {
        long n = unreadable.incrementAndGet();
        if (n <= 10 || n % 1_000 == 0) {
            LOG.log(System.Logger.Level.WARNING, "message #{0} on a topic the MQTT library cannot decode, delivered "
                    + "as {1} (skipped as an unknown topic and acknowledged)", n, standIn);
        }
    }

    /** True once the broker granted our subscription on the current link. Safe from any thread. */
    public boolean subscribed() {
        return subscribedOn == generation && status.state() == ConnectionState.ONLINE;
    }

    /** The current status. Safe from any thread. */
    public ConnectionStatus status() {
        return status;
    }

    private void connect() {
        if (closed) {
            return;
        }
        attempts++;
        if (status.state() != ConnectionState.OFFLINE) {
            // A retry keeps showing OFFLINE (and since when), with the reason of the last failure.
            setStatus(ConnectionState.CONNECTING, "");
        }
        // Bumped before connecting, not once connected: a resumed session's backlog arrives right after the CONNACK,
        // before connected() runs, and acks stamped with the old link would be withheld, stalling the broker.
        generation++;
        ConnectAttempt attempt = new ConnectAttempt(supervisor, this::connected,
                error -> retry(OperatorMessages.connectFailed(brokers(), error), OperatorMessages.isLoginRefused(error)));
        try {
            MqttConnectOptions options = ConnectAttempt.options(settings, KEEP_ALIVE_SECONDS, CONNECT_TIMEOUT);
            if (sockets != null) {
                options.setSocketFactory(sockets); // wraps the site's TLS factory, if any
            }
            if (presence != null) {
                presence.arm(options, clock.millis());
            }
            client.connect(options, null, attempt);
            supervisor.schedule(() -> abandonIfUnanswered(attempt), CONNACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (MqttException | RuntimeException e) {
            attempt.settle();
            retry(OperatorMessages.connectFailed(brokers(), e), OperatorMessages.isLoginRefused(e));
        }
    }

    // Paho waits for a CONNACK forever once TCP is up (paho.mqtt.java#511, #1028): a link that goes silent during
    // a reconnect (a network blackhole) would leave us OFFLINE for good, so an unanswered attempt is torn down.
    private void abandonIfUnanswered(ConnectAttempt attempt) {
        if (closed || !attempt.settle()) {
            return;
        }
        try {
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "abandoning the connect attempt: {0}", e.getMessage());
        }
        retry("no answer from " + brokers() + " within " + CONNACK_TIMEOUT.toSeconds() + " s of connecting");
    }

    private void connected(boolean sessionPresent) {
        backoff.reset();
        if (everConnected) {
            reconnects++;
        }
        String detail = "";
        if (everConnected && settings.persistent() && !sessionPresent) {
            // The broker restarted without persistence (or expired us): what it queued for us is gone.
            synchronized (this) {
                sessionsLost++;
            }
            detail = "broker lost our session: telemetry between " + lostAt + " and now may be missing";
            LOG.log(System.Logger.Level.WARNING, detail);
            reportSessionLoss();
        }
        everConnected = true;
        setStatus(ConnectionState.ONLINE, detail);
        int link = generation;
        String[] filters = subscriptions.toArray(String[]::new);
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, 1);
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    for (int i = 0; granted != null && i < granted.length && i < filters.length; i++) {
                        if (granted[i] == 0x80) {
                            String refused = filters[i];
                            supervisor.execute(() -> setStatus(ConnectionState.ONLINE,
                                    "subscription " + refused + " refused by the broker (not authorized)"));
                            return;
                        }
                    }
                    subscribedOn = link;
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    supervisor.execute(() -> setStatus(ConnectionState.ONLINE,
                            "subscription " + String.join(", ", filters) + " failed: " + error.getMessage()));
                }
            });
        } catch (MqttException e) {
            setStatus(ConnectionState.ONLINE, "subscription failed: " + e.getMessage());
        }
        if (presence != null) {
            presence.birth(client);
        }
    }

    private void reportSessionLoss() {
        Instant now = clock.instant();
        Instant from = lostAt == null || lostAt.isAfter(now) ? now : lostAt;
        try {
            sessionLossListener.accept(new TagGap(null, from, now, -1));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "session loss listener failed", e);
        }
    }

    private String brokers() {
        return String.join(", ", settings.serverUris());
    }

    private void retry(String reason) {
        retry(reason, false);
    }

    /** Schedules the next attempt; a refused login waits the longest backoff, so we never hammer the broker. */
    private void retry(String reason, boolean loginRefused) {
        if (closed) {
            return;
        }
        if (status.state() == ConnectionState.ONLINE) {
            lostAt = clock.instant();
        }
        Duration delay = loginRefused ? backoff.longest() : backoff.next();
        LOG.log(System.Logger.Level.INFO, "{0}; next attempt in {1} ms", reason, delay.toMillis());
        setStatus(ConnectionState.OFFLINE, reason);
        supervisor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void setStatus(ConnectionState state, String detail) {
        ConnectionStatus old = status;
        Instant since = old.state() == state ? old.since() : clock.instant();
        String broker = state == ConnectionState.ONLINE ? client.getCurrentServerURI() : brokers();
        status = new ConnectionStatus(state, since, broker, reconnects, detail);
        if (!status.equals(old)) {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "connection status listener failed", e);
            }
        }
    }

    /** Disconnects (bounded wait) and stops the supervisor. */
    @Override
    public void close() {
        try { // the acks already handed over go out first: a committed message must not be redelivered
            supervisor.submit(() -> { }).get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                 | RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "acks not flushed before close: {0}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        supervisor.shutdownNow();
        try {
            if (client.isConnected()) {
                if (presence != null) {
                    presence.death(client, 1_000);
                }
                client.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "disconnect: {0}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.DEBUG, "close: {0}", e.getMessage());
        }
    }

    /** The ack of one message: sent by the supervisor thread, and only on the link it arrived on. */
    private Runnable ackFor(MqttMessage message) {
        if (!settings.persistent() || message.getQos() == 0) {
            return IngestSink.NO_ACK;
        }
        int id = message.getId();
        int qos = message.getQos();
        int arrivedOn = generation;
        return () -> {
            try {
                supervisor.execute(() -> sendAck(id, qos, arrivedOn));
            } catch (RejectedExecutionException e) {
                // closed: the broker redelivers the message next time, and history absorbs the copy
            }
        };
    }

    private void sendAck(int id, int qos, int arrivedOn) {
        if (arrivedOn != generation || closed) {
            return; // that link is gone: the broker redelivers the message, and history absorbs the copy
        }
        try {
            client.messageArrivedComplete(id, qos);
        } catch (MqttException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "ack of message {0} not sent: {1}", id, e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            supervisor.execute(() -> retry(OperatorMessages.connectionLost(cause)));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                MessageTap t = tap;
                if (t != null && t.watching()) {
                    t.seen(topic, message.getQos(), message.isRetained(), message.getPayload());
                }
                onMessage.onMessage(topic, message.getPayload(), ackFor(message));
            } catch (Throwable t) {
                // Never let an exception reach Paho: it would close the connection.
                LOG.log(System.Logger.Level.ERROR, "message handler failed", t);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Commands sent through publish() are tracked by their own listener.
        }
    }
}
