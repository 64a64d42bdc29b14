package io.lineside.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a free loopback port that can <em>blackhole</em> the link: while blackholed it keeps every socket
 * open but forwards nothing either way (reads and discards), as a pulled cable or a dead switch would, with no
 * FIN or RST to tell either end. New connections are accepted and then ignored too. {@link #heal()} resumes
 * forwarding; links whose ends gave up meanwhile are closed only then. Threads: one acceptor, two pumps per link.
 */
public final class BlackholeProxy implements AutoCloseable {

    /** One proxied connection: the client's socket and ours to the target. */
    private record Link(Socket client, Socket upstream) {
        void close() {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private final ServerSocket server;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final List<Link> dead = new CopyOnWriteArrayList<>();
    private volatile boolean blackholed;
    private volatile boolean closed;

    private BlackholeProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("proxy-accept").daemon().start(this::accept);
    }

    /** Starts forwarding {@code 127.0.0.1:<port>} to {@code 127.0.0.1:<targetPort>}. */
    public static BlackholeProxy to(int targetPort) {
        try {
            return new BlackholeProxy(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** Stops forwarding both ways without closing anything. */
    public void blackhole() {
        blackholed = true;
    }

    /** Forwards again; closes the links one end abandoned while blackholed, as the network would now tell it. */
    public void heal() {
        blackholed = false;
        for (Link link : dead) {
            link.close();
            links.remove(link);
        }
        dead.clear();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, upstream);
                links.add(link);
                Thread.ofPlatform().name("proxy-up").daemon().start(() -> pump(link, client, upstream));
                Thread.ofPlatform().name("proxy-down").daemon().start(() -> pump(link, upstream, client));
            } catch (IOException e) {
                if (!closed) {
                    sleep(); // target not listening: the client sees its connection closed by the proxy
                }
            }
        }
    }

    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!blackholed) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (SocketException e) {
            // closed by the other pump or by close()
        } catch (IOException e) {
            // a reset end: same as EOF below
        }
        if (blackholed) {
            dead.add(link); // a blackhole carries no FIN: the other end must not learn of this until heal()
        } else {
            link.close();
            links.remove(link);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        links.forEach(Link::close);
        links.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
