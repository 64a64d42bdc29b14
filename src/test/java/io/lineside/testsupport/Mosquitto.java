package io.lineside.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker process on a free loopback port, for integration tests.
 * Install it with {@code apt-get install mosquitto}; .ci/run does.
 */
public final class Mosquitto implements AutoCloseable {

    private static final List<String> CANDIDATES = List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto",
            "/usr/bin/mosquitto", "/opt/homebrew/sbin/mosquitto");

    /** Per-client queue of the test broker; Mosquitto's own default (1000) drops messages for a slow subscriber. */
    public static final int DEFAULT_MAX_QUEUED = 100_000;

    private final Path dir;
    private final int port;
    private final int maxQueuedMessages;
    private final List<String> extraConfig;
    private Process process;

    private Mosquitto(Path dir, int port, int maxQueuedMessages, List<String> extraConfig) {
        this.dir = dir;
        this.port = port;
        this.maxQueuedMessages = maxQueuedMessages;
        this.extraConfig = List.copyOf(extraConfig);
    }

    /** Starts a broker with the test limits on a free port; its files live under {@code dir}. */
    public static Mosquitto start(Path dir) {
        return start(dir, DEFAULT_MAX_QUEUED);
    }

    /** Starts a broker whose per-client queue holds {@code maxQueuedMessages} (0 = unlimited), for benchmarks. */
    public static Mosquitto start(Path dir, int maxQueuedMessages) {
        Mosquitto broker = new Mosquitto(dir, freePort(), maxQueuedMessages, List.of());
        broker.launch();
        return broker;
    }

    /**
     * Starts a broker with {@code extraConfig} appended to the test configuration (later lines win), e.g. a TLS
     * listener on {@link #freePort()} or {@code allow_anonymous false} with a password file.
     */
    public static Mosquitto start(Path dir, List<String> extraConfig) {
        Mosquitto broker = new Mosquitto(dir, freePort(), DEFAULT_MAX_QUEUED, extraConfig);
        broker.launch();
        return broker;
    }

    /** The {@code max_queued_messages} this broker runs with. */
    public int maxQueuedMessages() {
        return maxQueuedMessages;
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker hard (SIGKILL), as a crash or power loss would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** Starts the broker again on the same port after {@link #kill()} or {@link #close()}. */
    public void restart() {
        launch();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            waitFor();
        }
    }

    private void launch() {
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence false",
                    "max_queued_messages " + maxQueuedMessages,
                    "message_size_limit 1048576",
                    "log_dest stdout", // the broker drops privileges and may not write into the test's directory
                    String.join("\n", extraConfig),
                    ""));
            process = new ProcessBuilder(executable(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.out").toFile())
                    .start();
            Process started = process;
            // A test that dies before close() must not leave a broker behind.
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            awaitListening(Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see " + dir);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on port " + port + " within " + timeout);
    }

    private void waitFor() {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String executable() {
        return CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "mosquitto not found: install it (apt-get install mosquitto) to run the integration tests"));
    }

    /** A free loopback port, e.g. for a second listener. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
