package io.lineside.telemetry;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * One connect attempt of {@link MqttConnection}: Paho's answer (success or failure) is handed to the supervisor
 * thread, unless the attempt was settled already, by the CONNACK watchdog giving up on it. Exactly one of them
 * acts on an attempt, so a late answer cannot start a second reconnect loop. Safe from any thread.
 */
final class ConnectAttempt implements IMqttActionListener {

    /** Receives the broker's session-present flag on success. */
    interface Connected {
        void connected(boolean sessionPresent);
    }

    private final AtomicBoolean settled = new AtomicBoolean();
    private final Executor supervisor;
    private final Connected onConnected;
    private final Consumer<Throwable> onFailed;

    ConnectAttempt(Executor supervisor, Connected onConnected, Consumer<Throwable> onFailed) {
        this.supervisor = supervisor;
        this.onConnected = onConnected;
        this.onFailed = onFailed;
    }

    /** Claims the attempt; true for the first caller only. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }

    @Override
    public void onSuccess(IMqttToken token) {
        boolean sessionPresent = token.getSessionPresent();
        supervisor.execute(() -> {
            if (settle()) {
                onConnected.connected(sessionPresent);
            }
        });
    }

    @Override
    public void onFailure(IMqttToken token, Throwable error) {
        supervisor.execute(() -> {
            if (settle()) {
                onFailed.accept(error);
            }
        });
    }

    /** Paho's options for one attempt: no automatic reconnect (the supervisor owns retries). */
    static MqttConnectOptions options(MqttConnection.Settings settings, int keepAliveSeconds, Duration timeout) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(!settings.persistent());
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(keepAliveSeconds);
        options.setConnectionTimeout((int) timeout.toSeconds());
        options.setMaxInflight(100);
        options.setServerURIs(settings.serverUris()); // tried in order at each attempt
        options.setHttpsHostnameVerificationEnabled(true); // Paho's default since 1.2.1; never off
        if (settings.tls() != null) {
            options.setSocketFactory(settings.tls());
        }
        if (settings.username() != null) {
            options.setUserName(settings.username());
            options.setPassword(settings.password());
        }
        return options;
    }
}
