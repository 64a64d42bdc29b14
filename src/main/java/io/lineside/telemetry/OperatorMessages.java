package io.lineside.telemetry;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Turns Paho failures into one precise sentence an operator can act on. */
final class OperatorMessages {

    private OperatorMessages() {
    }

    static String connectFailed(String broker, Throwable error) {
        Throwable root = rootCause(error);
        if (root instanceof UnknownHostException) {
            return "broker host not found: " + broker;
        }
        if (root instanceof ConnectException) {
            return "connection refused by " + broker + " (is the broker running?)";
        }
        if (root instanceof NoRouteToHostException) {
            return "no route to " + broker;
        }
        if (root instanceof SocketTimeoutException) {
            return "no answer from " + broker + " within the connect timeout";
        }
        if (root instanceof SSLException) {
            return "TLS handshake with " + broker + " failed: " + root.getMessage();
        }
        if (error instanceof MqttException mqtt) {
            return switch (mqtt.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION, MqttException.REASON_CODE_NOT_AUTHORIZED ->
                        "broker " + broker + " refused the login (check user name and password)";
                case MqttException.REASON_CODE_INVALID_CLIENT_ID ->
                        "broker " + broker + " refused the client id";
                case MqttException.REASON_CODE_CLIENT_TIMEOUT ->
                        "no answer from " + broker + " within the connect timeout";
                default -> "cannot connect to " + broker + ": " + describe(mqtt);
            };
        }
        return "cannot connect to " + broker + ": " + describe(error);
    }

    static String connectionLost(Throwable cause) {
        return "connection to the broker lost: " + describe(rootCause(cause));
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown cause";
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cur = t;
        while (cur != null && cur.getCause() != null && cur.getCause() != cur) {
            cur = cur.getCause();
        }
        return cur;
    }
}
