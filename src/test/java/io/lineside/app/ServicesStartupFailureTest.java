package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link Services} constructor that fails late (after the history database, its writer, the alarm threads and
 * the decoder are up) must leave nothing behind: the H2 file opens again in this JVM, no thread of ours runs on, and
 * a second start in the same data directory works.
 */
class ServicesStartupFailureTest {

    @TempDir
    Path dir;

    @Test
    void aLateFailureClosesWhatWasOpenedSoTheHistoryOpensAgainAndNoThreadIsLeft() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path mqtt = Files.writeString(data.resolve("mqtt"), "not a folder"); // the session folder, reached late
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        String broker = "tcp://127.0.0.1:" + freePort();

        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> new Services(AppConfig.demo(), broker, "startup-failure", data, Clock.systemUTC()));
        assertTrue(Files.exists(data.resolve("db").resolve("history.mv.db")),
                "the failure came after the history database was opened: " + failure);

        assertEquals(List.of(), threadsLeft(before), "threads the failed start left running");
        try (HistoryDatabase again = HistoryDatabase.open(data.resolve("db"))) {
            assertTrue(again.schemaVersion() > 0, "the history file opens again in the same JVM");
        }

        Files.delete(mqtt);
        try (Services services = new Services(AppConfig.demo(), broker, "startup-failure", data, Clock.systemUTC())) {
            assertTrue(services.database().schemaVersion() > 0, "a second start in the same data directory works");
        }
    }

    /** Threads started since {@code before} that are ours or non-daemon and still alive after a short grace. */
    private static List<String> threadsLeft(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> t.getName().startsWith("lineside-") || !t.isDaemon())
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                    .sorted().collect(Collectors.toList());
            if (!left.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        return left;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
