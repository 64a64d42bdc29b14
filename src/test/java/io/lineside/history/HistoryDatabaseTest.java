package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void firstOpenCreatesSchemaAndReopenKeepsDataWithoutMigratingAgain() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir);
             HistoryWriter writer = new HistoryWriter(db)) {
            assertEquals(HistorySchema.MIGRATIONS.size(), db.schemaVersion());
            writer.accept(Samples.good(Samples.TEMP, Samples.T0, 21.5, 1));
        }
        assertTrue(Files.exists(dir.resolve("history.mv.db")));
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            assertEquals(HistorySchema.MIGRATIONS.size(), db.schemaVersion());
            assertEquals(1, new HistoryQuery(db).sampleCount());
            assertTrue(db.quarantined().isEmpty());
        }
    }

    @Test
    void damagedFileIsMovedToQuarantineAndAFreshDatabaseWorks() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir);
             HistoryWriter writer = new HistoryWriter(db)) {
            for (int i = 0; i < 2000; i++) {
                writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(i), i, i));
            }
        }
        Path file = dir.resolve("history.mv.db");
        long size = Files.size(file);
        overwriteWithGarbage(file, size / 2, size - size / 2); // H2 alone would open this as an empty database
        byte[] damaged = Files.readAllBytes(file);
        try (Stream<Path> log = Files.list(dir)) { // without its ack log, which would bring the samples back
            for (Path segment : log.filter(f -> f.toString().endsWith(".acklog")).toList()) { // (AckLogTest)
                Files.delete(segment);
            }
        }

        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            Path moved = db.quarantined().orElseThrow(() -> new AssertionError("damage not detected"));
            assertEquals(dir.resolve("quarantine"), moved.getParent());
            assertTrue(moved.getFileName().toString().matches("history-\\d{8}T\\d{6}Z\\.mv\\.db"), moved.toString());
            assertArrayEquals(damaged, Files.readAllBytes(moved), "the damaged file is kept as it was");
            HistoryQuery query = new HistoryQuery(db);
            assertEquals(0, query.sampleCount());
            try (HistoryWriter writer = new HistoryWriter(db)) {
                writer.accept(Samples.good(Samples.TEMP, Samples.T0, 1.0, 1));
            }
            assertEquals(1, query.sampleCount());
        }
    }

    @Test
    void secondProcessHoldingTheDatabaseGivesAClearInUseError() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HistoryDatabaseHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("open", out.readLine(), "the child JVM should have opened the database");
                HistoryInUseException e = assertThrows(HistoryInUseException.class, () -> HistoryDatabase.open(dir));
                assertTrue(e.getMessage().contains("is in use by another Lineside instance"), e.getMessage());
            });
            assertTrue(Files.notExists(dir.resolve("quarantine")), "a locked file is not damaged");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            assertTrue(db.quarantined().isEmpty());
        }
    }

    @Test
    void secondOpenInTheSameProcessIsRefusedUntilTheFirstCloses() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            assertThrows(HistoryInUseException.class, () -> HistoryDatabase.open(dir));
        }
        HistoryDatabase.open(dir).close();
    }

    @Test
    void directoryThatWouldAddUrlSettingsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> HistoryDatabase.open(dir.resolve("x;INIT=RUNSCRIPT")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void overwriteWithGarbage(Path file, long offset, long length) throws Exception {
        byte[] garbage = new byte[(int) length];
        new Random(42).nextBytes(garbage);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(garbage);
        }
    }
}
