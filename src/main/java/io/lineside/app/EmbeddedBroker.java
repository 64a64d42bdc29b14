package io.lineside.app;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The demo's MQTT broker (Moquette), in this process: loopback only, in memory, no telemetry, no web
 * sockets. Demo use only — production always connects to an external broker (see
 * docs/decisions/0001-embedded-demo-broker.md).
 */
final class EmbeddedBroker implements AutoCloseable {

    /** Moquette logs every MQTT packet at INFO; held here so the level sticks (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger MOQUETTE_LOG = java.util.logging.Logger.getLogger("io.moquette");

    private final Server server = new Server();
    private final int port;

    private EmbeddedBroker(int requestedPort) {
        MOQUETTE_LOG.setLevel(java.util.logging.Level.WARNING);
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(requestedPort));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("use_metrics", "false");
        p.setProperty("use_bugsnag", "false");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("netty.mqtt.message_size", Integer.toString(Services.MAX_PAYLOAD_BYTES));
        p.setProperty("session_queue_size", "4096");
        try {
            server.startServer(new MemoryConfig(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded demo broker", e);
        }
        this.port = requestedPort;
    }

    /**
     * Starts a broker on a free loopback port. Moquette does not report the port it bound when asked for
     * port 0, so we pick a free one and retry if another process takes it first.
     */
    static EmbeddedBroker start() {
        UncheckedIOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return new EmbeddedBroker(freeLoopbackPort());
            } catch (UncheckedIOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static int freeLoopbackPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the demo broker", e);
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
