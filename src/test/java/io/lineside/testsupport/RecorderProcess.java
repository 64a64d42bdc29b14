package io.lineside.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link RecorderChild} JVM: the ingest spine writing to {@code dataDir}, killable like a crashed HMI. */
public final class RecorderProcess implements AutoCloseable {

    private static final Pattern REPORT = Pattern.compile("seq=(\\d+) written=(\\d+)");

    private final Process process;
    private volatile long seq;
    private volatile long written;

    private RecorderProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("recorder-child-out").start(this::readReports);
    }

    /** Starts a child JVM on this test's class path; its stderr goes to {@code <dataDir>-child.err}. */
    public static RecorderProcess start(String brokerUrl, String clientId, Path dataDir, String watchedTag)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RecorderChild.class.getName());
        command.addAll(List.of(brokerUrl, clientId, dataDir.toString(), watchedTag));
        Process p = new ProcessBuilder(command).redirectError(dataDir.resolveSibling(
                dataDir.getFileName() + "-child.err").toFile()).start();
        return new RecorderProcess(p);
    }

    /** The latest sequence number the child's tag store holds for the watched tag. */
    public long seq() {
        return seq;
    }

    /** Updates the child's history writer has committed (duplicates included). */
    public long written() {
        return written;
    }

    /** SIGKILL: no shutdown hook, no final commit, no disconnect. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the child closes its services and exits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void readReports() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = REPORT.matcher(line);
                if (m.matches()) {
                    seq = Long.parseLong(m.group(1));
                    written = Long.parseLong(m.group(2));
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }
}
