package io.lineside.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * A plain TCP socket that hands Paho a {@link PublishTopicFilter} as its input stream; everything else is the
 * JDK's own socket, which this is (no delegation needed, unlike {@link GuardedSslSocket}, whose TLS socket the
 * JDK's factory makes). Created by {@link GuardedSocketFactory}.
 */
final class GuardedSocket extends Socket {

    private final Consumer<String> onRewrite;
    private InputStream filtered;

    /** Unconnected, as {@code SocketFactory.createSocket()} gives it (Paho connects it with its timeout). */
    GuardedSocket(Consumer<String> onRewrite) {
        this.onRewrite = onRewrite;
    }

    /** Connected to {@code host:port}, optionally from a local address, as the factory's other methods give it. */
    GuardedSocket(InetAddress host, int port, InetAddress localAddress, int localPort, Consumer<String> onRewrite)
            throws IOException {
        super(host, port, localAddress, localPort);
        this.onRewrite = onRewrite;
    }

    /** The broker's bytes, with topics Paho would refuse replaced; one filter per socket, so its state survives. */
    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (filtered == null) {
            filtered = new PublishTopicFilter(super.getInputStream(), onRewrite);
        }
        return filtered;
    }

    @Override
    public String toString() {
        return "guarded " + super.toString();
    }
}
