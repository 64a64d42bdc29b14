package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy a review bundle carries: consistent while the writer goes on, refused with its reason when damaged. */
class HistoryCopyTest {

    private static final TagPath TEMPERATURE = new StationId("demo", "assembly", "line-1", "press").signal("temperature");

    @TempDir
    Path dir;

    @Test
    void aCopyTakenWhileTheWriterGoesOnHoldsEverythingCommittedBeforeItAndOpens() throws Exception {
        Instant start = Instant.now().minusSeconds(3_600);
        AtomicLong seq = new AtomicLong();
        HistoryCopy.Contents contents;
        try (HistoryDatabase db = HistoryDatabase.open(dir.resolve("live"))) {
            try (HistoryWriter first = new HistoryWriter(db)) {
                for (int s = 0; s < 1_000; s++) {
                    put(first, start, seq.incrementAndGet());
                }
            } // closed: these 1,000 are committed
            AtomicBoolean writing = new AtomicBoolean(true);
            try (HistoryWriter second = new HistoryWriter(db)) {
                Thread feeder = Thread.ofPlatform().start(() -> {
                    while (writing.get() && seq.get() < 1_000_000) {
                        put(second, start, seq.incrementAndGet());
                    }
                });
                Thread.sleep(200); // the writer is committing while the copy is taken
                Path target = Files.createDirectories(dir.resolve("copy")).resolve(HistoryCopy.FILE);
                contents = HistoryCopy.copy(db, target);
                writing.set(false);
                feeder.join();
            }
        }
        try (HistoryDatabase copy = HistoryCopy.open(dir.resolve("copy"))) {
            java.util.List<TagValue> committed = new HistoryQuery(copy).samples(TEMPERATURE, start,
                    start.plusMillis(1_001), 10_000);
            assertEquals(1_000, committed.size(), "every sample committed before the copy is in it");
            assertTrue(new HistoryQuery(copy).sampleCount() >= 1_000);
            assertEquals(HistorySchema.MIGRATIONS.size(), contents.schemaVersion());
            assertEquals(start.plusMillis(1).toEpochMilli(), contents.first().orElseThrow().toEpochMilli());
            assertTrue(contents.last().orElseThrow().isAfter(start.plusMillis(999)), contents.last().toString());
            assertEquals(HistoryCopy.contents(copy).first(), contents.first());
        }
    }

    @Test
    void aDamagedCopyIsRefusedWithItsReasonAndNotReplacedByAnEmptyOne() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("copy"));
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(junk);
        Files.write(copy.resolve(HistoryCopy.FILE), junk);
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryCopy.open(copy));
        assertTrue(e.getMessage().startsWith("the history database cannot be read: "), e.getMessage());
        assertTrue(Files.size(copy.resolve(HistoryCopy.FILE)) == junk.length, "the copy is left as it was");
    }

    @Test
    void aFolderWithoutAHistoryFileIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryCopy.open(empty));
        assertTrue(e.getMessage().contains("no history.mv.db"), e.getMessage());
    }

    private static void put(HistoryWriter writer, Instant start, long seq) {
        Instant t = start.plusMillis(seq);
        writer.put(new TagUpdate(TEMPERATURE, TagValue.good(20 + seq % 10, t, t, seq)));
    }
}
