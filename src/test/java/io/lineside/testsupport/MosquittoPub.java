package io.lineside.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mosquitto_pub -l}: an outside client, not ours, publishing one message per line written to it, at the
 * QoS given. Install it with {@code apt-get install mosquitto-clients}; .ci/run does.
 */
public final class MosquittoPub implements AutoCloseable {

    private final Process process;
    private final OutputStream in;

    private MosquittoPub(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
    }

    /** Starts {@code mosquitto_pub -l} on {@code topic}. */
    public static MosquittoPub start(int port, String topic, int qos) throws IOException {
        Process p = new ProcessBuilder(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-i", "outside-" + System.nanoTime(), "-q", Integer.toString(qos), "-t", topic, "-l"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new MosquittoPub(p);
    }

    /** Publishes {@code payload} (one line, no newline in it). */
    public void send(String payload) throws IOException {
        in.write((payload + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Ends the input; mosquitto_pub publishes what it read, then exits. */
    @Override
    public void close() throws IOException, InterruptedException {
        in.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
