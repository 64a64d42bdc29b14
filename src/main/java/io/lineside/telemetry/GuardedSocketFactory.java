package io.lineside.telemetry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory given to Paho so that a topic it cannot decode never reaches its decoder (see
 * {@link UnreadableTopics}, decision 0020). Paho insists on a plain factory for {@code tcp://} and an
 * {@link SSLSocketFactory} for {@code ssl://}, and its WebSocket modules frame the stream themselves, so
 * {@link #forBrokers} picks by the scheme shared by all broker URLs. Safe from any thread.
 */
final class GuardedSocketFactory {

    private GuardedSocketFactory() {
    }

    /**
     * The factory for these broker URLs, or null when they mix schemes or use WebSockets (Paho then uses its
     * own, unguarded).
     *
     * @param tls       the site's TLS factory for {@code ssl://}, or null for the JDK's default trust
     * @param onRewrite told each stand-in topic, on Paho's receiver thread; must not block
     */
    static SocketFactory forBrokers(String[] uris, SSLSocketFactory tls, Consumer<String> onRewrite) {
        if (Arrays.stream(uris).allMatch(u -> u.startsWith("tcp://"))) {
            return new Plain(onRewrite);
        }
        if (Arrays.stream(uris).allMatch(u -> u.startsWith("ssl://"))) {
            return new Tls(tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault(), onRewrite);
        }
        return null;
    }

    /** The JDK's plain sockets (what {@code SocketFactory.getDefault()} makes), guarded. */
    private static final class Plain extends SocketFactory {
        private final Consumer<String> onRewrite;

        Plain(Consumer<String> onRewrite) {
            this.onRewrite = onRewrite;
        }

        @Override
        public Socket createSocket() {
            return new GuardedSocket(onRewrite);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new GuardedSocket(InetAddress.getByName(host), port, null, 0, onRewrite);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return new GuardedSocket(InetAddress.getByName(host), port, localHost, localPort, onRewrite);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return new GuardedSocket(host, port, null, 0, onRewrite);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return new GuardedSocket(address, port, localAddress, localPort, onRewrite);
        }
    }

    private static final class Tls extends SSLSocketFactory {
        private final SSLSocketFactory inner;
        private final Consumer<String> onRewrite;

        Tls(SSLSocketFactory inner, Consumer<String> onRewrite) {
            this.inner = inner;
            this.onRewrite = onRewrite;
        }

        private Socket guard(Socket socket) {
            return new GuardedSslSocket((SSLSocket) socket, onRewrite);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return inner.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return inner.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return guard(inner.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return guard(inner.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return guard(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return guard(inner.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return guard(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return guard(inner.createSocket(address, port, localAddress, localPort));
        }
    }
}
