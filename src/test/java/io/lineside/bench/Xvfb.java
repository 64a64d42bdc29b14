package io.lineside.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A private X display for launching the packaged app from the harness; stopped on close. */
final class Xvfb implements AutoCloseable {

    private final Process process;
    private final String name;

    private Xvfb(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /** Starts Xvfb on a free display number (it picks one and reports it through {@code -displayfd}). */
    static Xvfb start(Path workDir) throws IOException, InterruptedException {
        Path displayFile = Files.createTempFile(workDir, "xvfb", ".display");
        // -displayfd needs a file descriptor: let a shell give Xvfb one that writes to our file.
        Process p = new ProcessBuilder("sh", "-c", "exec Xvfb -displayfd 5 -screen 0 1600x1000x24 -nolisten tcp 5>'"
                + displayFile + "'").redirectErrorStream(true).redirectOutput(workDir.resolve("xvfb.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(displayFile, StandardCharsets.US_ASCII).trim();
            if (!text.isEmpty()) {
                return new Xvfb(p, ":" + text);
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IllegalStateException("Xvfb did not report a display within 10 s; see xvfb.log");
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
