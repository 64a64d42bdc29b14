package io.lineside.telemetry;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
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
        String tls = tlsProblem(error);
        if (tls == null && broker.startsWith("ssl://")
                && (root instanceof java.net.SocketException || root instanceof java.io.EOFException)) {
            tls = "the broker closed the connection during the TLS handshake (is that port TLS?)";
        }
        if (tls != null) {
            return "TLS with " + broker + " refused: " + tls + " (no plaintext fallback)";
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

    /** True when the broker refused our user name or password (retry slowly: it will not change by itself). */
    static boolean isLoginRefused(Throwable error) {
        return error instanceof MqttException mqtt
                && (mqtt.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                || mqtt.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED);
    }

    /** What went wrong in a TLS handshake, in operator words, or null if it was not TLS. */
    private static String tlsProblem(Throwable error) {
        boolean tls = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            tls |= t instanceof SSLException;
            if (t instanceof CertificateExpiredException) {
                return "the broker's certificate has expired";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "the broker's certificate is not valid yet (check the clocks)";
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("No subject alternative") || m.contains("doesn't match") || m.contains("No name matching")) {
                return "the broker's certificate is not issued for this host name";
            }
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return "the broker's certificate is not signed by a trusted CA (check the truststore)";
            }
            if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext")) {
                return "the broker port does not speak TLS";
            }
        }
        return tls ? "TLS handshake failed: " + describe(rootCause(error)) : null;
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
