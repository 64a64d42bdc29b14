package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWriterTest {

    @TempDir
    Path dir;
    HistoryDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = HistoryDatabase.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void heldBacklogIsWrittenInBatchesOfAtMost500AndAllRowsArePresentAfterClose() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> batchSizes = new ArrayList<>();
        HistoryWriter writer = new HistoryWriter(db, 5000, Duration.ofMillis(10), (batch, attempt) -> {
            batchSizes.add(batch.size());
            entered.countDown();
            await(release);
        });
        writer.accept(Samples.good(Samples.TEMP, Samples.T0, 0, 0));
        await(entered); // the writer thread is now held with a batch of one
        for (int i = 1; i < 1201; i++) {
            writer.accept(Samples.good(i % 2 == 0 ? Samples.TEMP : Samples.STATE, Samples.T0.plusSeconds(i), i, i));
        }
        release.countDown();
        writer.close();

        assertEquals(List.of(1, 500, 500, 200), batchSizes);
        assertEquals(4, writer.committedBatches());
        assertEquals(1201, writer.writtenCount());
        assertEquals(0, writer.droppedCount());
        assertEquals(1201, new HistoryQuery(db).sampleCount());
        assertEquals(List.of(Samples.STATE, Samples.TEMP), new HistoryQuery(db).tags());
    }

    @Test
    void putWaitsForRoomInsteadOfDroppingAndEverythingIsWritten() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HistoryWriter writer = new HistoryWriter(db, 2, Duration.ofMillis(10), (batch, attempt) -> {
            entered.countDown();
            await(release);
        });
        writer.put(Samples.good(Samples.TEMP, Samples.T0, 0, 0));
        await(entered); // the writer thread is held; the queue holds 2
        CountDownLatch producerDone = new CountDownLatch(1);
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= 10; i++) {
                writer.put(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(i), i, i));
            }
            producerDone.countDown();
        });
        assertFalse(producerDone.await(300, java.util.concurrent.TimeUnit.MILLISECONDS),
                "the producer must be held back while the writer is full");
        assertEquals(0, writer.droppedCount());
        assertTrue(writer.delayed(), "held back means behind: the status bar must be able to say so");
        release.countDown();
        await(producerDone);
        producer.join();
        writer.close();
        assertEquals(0, writer.droppedCount());
        assertEquals(11, new HistoryQuery(db).sampleCount());
    }

    @Test
    void aDeepBacklogIsWrittenInLargerBatches() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> batchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        HistoryWriter writer = new HistoryWriter(db, 10_000, Duration.ofMillis(10), (batch, attempt) -> {
            batchSizes.add(batch.size());
            entered.countDown();
            await(release);
        });
        writer.accept(Samples.good(Samples.TEMP, Samples.T0, 0, 0));
        await(entered);
        for (int i = 1; i <= 6_000; i++) {
            writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(i), i, i));
        }
        release.countDown();
        writer.close();
        assertEquals(List.of(1, 5_000, 500, 500), batchSizes, "5,000 while 2,000 or more wait, then 500s");
        assertEquals(6_001, new HistoryQuery(db).sampleCount());
    }

    @Test
    void aDuplicateAmongNewSamplesIsSkippedAndTheNewOnesAreKept() throws Exception {
        try (HistoryWriter writer = new HistoryWriter(db, 100, Duration.ofMillis(1), (batch, attempt) -> { })) {
            writer.accept(Samples.good(Samples.TEMP, Samples.T0, 1, 1));
            awaitUntil(() -> writer.writtenCount() == 1);
            writer.accept(Samples.good(Samples.STATE, Samples.T0, 5, 1)); // a new tag, rolled back with the batch
            writer.accept(Samples.good(Samples.TEMP, Samples.T0, 1, 1)); // the redelivered one
            writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(1), 2, 2));
        }
        assertEquals(3, new HistoryQuery(db).sampleCount());
        assertEquals(List.of(Samples.STATE, Samples.TEMP), new HistoryQuery(db).tags());
    }

    @Test
    void redeliveredSamplesAreStoredOnce() throws Exception {
        try (HistoryWriter writer = new HistoryWriter(db)) {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 10; i++) {
                    writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(i), i, i));
                }
            }
        }
        assertEquals(10, new HistoryQuery(db).sampleCount());
    }

    @Test
    void injectionLookingTextIsStoredVerbatimAndTheSchemaIsUnchanged() throws Exception {
        List<String> hostile = List.of("'; DROP TABLE sample;--", "\"); CREATE ALIAS X AS 'int x() { return 1; }';--",
                "<b>bold</b>", "\u202Eevil", "\u0000nul", "x".repeat(250));
        String schemaBefore = schema();
        try (HistoryWriter writer = new HistoryWriter(db)) {
            for (int i = 0; i < hostile.size(); i++) {
                writer.accept(Samples.of(Samples.STATE, Samples.T0.plusSeconds(i), hostile.get(i), Quality.GOOD, i));
            }
        }
        List<String> stored = texts();
        assertEquals(hostile.subList(0, 5), stored.subList(0, 5));
        assertEquals("x".repeat(SampleTable.MAX_TEXT), stored.get(5), "long text is truncated to the column");
        assertEquals(schemaBefore, schema());
    }

    @Test
    void fullQueueDropsAndCountsWithoutBlocking() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HistoryWriter writer = new HistoryWriter(db, 2, Duration.ofMillis(10), (batch, attempt) -> {
            entered.countDown();
            await(release);
        });
        writer.accept(Samples.good(Samples.TEMP, Samples.T0, 0, 0));
        await(entered);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 1; i <= 10; i++) { // 2 fit in the queue, 8 do not
                writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(i), i, i));
            }
            writer.accept(null);
        });
        assertEquals(9, writer.droppedCount());
        assertTrue(writer.delayed());
        release.countDown();
        writer.close();
        assertEquals(3, writer.writtenCount());
        assertEquals(3, new HistoryQuery(db).sampleCount());
        // Not silently: the 8 samples that did not fit (seqs 3..10, 3 s..10 s) are one gap row of their tag.
        assertEquals(List.of(new io.lineside.tags.TagGap(Samples.TEMP, Samples.T0.plusSeconds(3),
                        Samples.T0.plusSeconds(10), 8, 3)),
                new HistoryQuery(db).gaps(Samples.TEMP, Samples.T0, Samples.T0.plusSeconds(60)));
        assertEquals(8, writer.gappedCount());
    }

    @Test
    void aMissedStretchIsWrittenBeforeTheTagsNextStoredSampleAndALateCopyShrinksIt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HistoryWriter writer = new HistoryWriter(db, 3, Duration.ofMillis(10), (batch, attempt) -> {
            entered.countDown();
            await(release);
        });
        writer.accept(Samples.good(Samples.TEMP, Samples.T0, 0, 0));
        await(entered);
        for (int i = 1; i <= 7; i++) { // 1..3 queued, 4..7 missed
            writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(i), i, i));
        }
        assertEquals(4, writer.droppedCount());
        assertEquals(0, writer.gappedCount(), "no room yet for the gap either");
        release.countDown();
        awaitUntil(() -> writer.writtenCount() == 4);
        writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(8), 8, 8));
        io.lineside.tags.TagUpdate copy = Samples.good(Samples.TEMP, Samples.T0.plusSeconds(5), 5, 5);
        writer.keep(new io.lineside.tags.TagUpdate(copy.path(), copy.value().withFlags(io.lineside.tags.TagValue.LATE)));
        writer.close();
        assertEquals(4, writer.gappedCount());
        assertEquals(6, new HistoryQuery(db).sampleCount());
        assertEquals(List.of(
                        new io.lineside.tags.TagGap(Samples.TEMP, Samples.T0.plusSeconds(4), Samples.T0.plusSeconds(5), 1, 4),
                        new io.lineside.tags.TagGap(Samples.TEMP, Samples.T0.plusSeconds(5), Samples.T0.plusSeconds(7), 2, 6)),
                new HistoryQuery(db).gaps(Samples.TEMP, Samples.T0, Samples.T0.plusSeconds(60)));
        assertFalse(writer.delayed(), "caught up");
    }

    @Test
    void keptSamplesAreQueuedBeyondTheCapacityWithoutWaitingUpToTheHardLimit() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HistoryWriter writer = new HistoryWriter(db, 2, Duration.ofMillis(10), (batch, attempt) -> {
            entered.countDown();
            await(release);
        });
        writer.keep(Samples.good(Samples.TEMP, Samples.T0, 0, 0));
        await(entered);
        List<Boolean> kept = new ArrayList<>();
        List<Integer> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 1; i <= 6; i++) { // the hard limit is 2 x 2 = 4 entries: 2 samples and their 2 acks fit
                int n = i;
                boolean ok = writer.keep(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(i), i, i));
                kept.add(ok);
                if (ok) {
                    ok = writer.keepAfterCommit(() -> acked.add(n));
                } else {
                    writer.withhold(() -> acked.add(n));
                }
            }
        });
        assertEquals(List.of(true, true, false, false, false, false), kept);
        assertTrue(writer.delayed());
        release.countDown();
        writer.close();
        assertEquals(List.of(1, 2), acked, "only the stored ones are acknowledged, in order");
        assertEquals(4, writer.withheldCount());
        assertEquals(4, writer.droppedCount());
        assertEquals(3, new HistoryQuery(db).sampleCount());
        assertEquals(List.of(new io.lineside.tags.TagGap(Samples.TEMP, Samples.T0.plusSeconds(3),
                        Samples.T0.plusSeconds(6), 4, 3)),
                new HistoryQuery(db).gaps(Samples.TEMP, Samples.T0, Samples.T0.plusSeconds(60)));
    }

    @Test
    void lagIsTheAgeOfTheOldestQueuedEntry() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HistoryWriter writer = new HistoryWriter(db, 100, Duration.ofMillis(10), (batch, attempt) -> {
            entered.countDown();
            await(release);
        });
        assertEquals(Duration.ZERO, writer.lag());
        writer.accept(Samples.good(Samples.TEMP, Samples.T0, 0, 0));
        await(entered);
        writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(1), 1, 1));
        Thread.sleep(1_200);
        assertTrue(writer.lag().toMillis() >= 1_200, writer.lag().toString());
        assertTrue(writer.delayed(), "more than a second behind");
        release.countDown();
        awaitUntil(() -> writer.writtenCount() == 2);
        assertEquals(Duration.ZERO, writer.lag());
        assertFalse(writer.delayed());
        writer.close();
    }

    @Test
    void failedBatchIsRetriedThenGivenUpAndTheWriterKeepsWriting() throws Exception {
        // The batch holding value 1 fails once; the one holding value 2 fails every time.
        try (HistoryWriter writer = new HistoryWriter(db, 100, Duration.ofMillis(1), (batch, attempt) -> {
            double value = batch.getFirst().value().number();
            if (value == 2 || (value == 1 && attempt == 1)) {
                throw new SQLException("No space left on device (simulated)");
            }
        })) {
            writer.accept(Samples.good(Samples.TEMP, Samples.T0, 1, 1));
            awaitUntil(() -> writer.writtenCount() == 1);
            assertEquals(0, writer.failedBatches());
            writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(1), 2, 2));
            awaitUntil(() -> writer.failedBatches() == 1);
            assertEquals(1, writer.failedCount());
            assertNotNull(writer.lastError());
            assertTrue(writer.lastError().contains("No space left"), writer.lastError());
            writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(2), 3, 3));
            awaitUntil(() -> writer.writtenCount() == 2);
            assertFalse(writer.delayed(), "caught up again");
        }
        assertEquals(2, new HistoryQuery(db).sampleCount());
    }

    @Test
    void markersRunInOrderOnlyAfterEverythingBeforeThemIsCommitted() throws Exception {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HistoryWriter writer = new HistoryWriter(db, 100, Duration.ofMillis(1), (batch, attempt) ->
                events.add("write " + batch.size()))) {
            writer.accept(Samples.good(Samples.TEMP, Samples.T0, 1, 1));
            writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(1), 2, 2));
            writer.afterCommit(() -> events.add("ack a " + committedRows()));
            writer.afterCommit(() -> events.add("ack b"));
            awaitUntil(() -> events.contains("ack b"));
        }
        assertEquals(List.of("write 2", "ack a 2", "ack b"), events);
    }

    @Test
    void aWaitingMarkerCommitsAtOnceInsteadOfWaitingForAFullBatch() throws Exception {
        try (HistoryWriter writer = new HistoryWriter(db)) {
            CountDownLatch acked = new CountDownLatch(1);
            long start = System.nanoTime();
            writer.accept(Samples.good(Samples.TEMP, Samples.T0, 1, 1));
            writer.afterCommit(acked::countDown);
            await(acked);
            long millis = (System.nanoTime() - start) / 1_000_000;
            // Without the early commit the batch would wait its full 250 ms for more samples.
            assertTrue(millis < 200, "acknowledged after " + millis + " ms");
        }
    }

    @Test
    void markersOfALostBatchAreWithheldSoTheBrokerKeepsTheMessages() throws Exception {
        List<String> acks = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HistoryWriter writer = new HistoryWriter(db, 100, Duration.ofMillis(1), (batch, attempt) -> {
            if (batch.getFirst().value().number() == 2) {
                throw new SQLException("No space left on device (simulated)");
            }
        })) {
            writer.accept(Samples.good(Samples.TEMP, Samples.T0, 1, 1));
            writer.afterCommit(() -> acks.add("1"));
            awaitUntil(() -> acks.size() == 1);
            writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(1), 2, 2));
            writer.afterCommit(() -> acks.add("2"));
            awaitUntil(() -> writer.failedBatches() == 1);
            writer.accept(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(2), 3, 3));
            writer.afterCommit(() -> acks.add("3"));
            awaitUntil(() -> acks.size() == 2);
            assertEquals(1, writer.withheldCount());
        }
        assertEquals(List.of("1", "3"), acks);
    }

    private long committedRows() {
        try {
            return new HistoryQuery(db).sampleCount();
        } catch (HistoryException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> texts() throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT txt FROM sample ORDER BY ts");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }

    private String schema() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT table_schema, table_name, column_name, data_type"
                     + " FROM information_schema.columns ORDER BY 1, 2, 3");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('.').append(rs.getString(2)).append('.')
                        .append(rs.getString(3)).append(' ').append(rs.getString(4)).append('\n');
            }
        }
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.routines");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            out.append("routines ").append(rs.getInt(1));
        }
        return out.toString();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        io.lineside.testsupport.Eventually.await("writer progress", Duration.ofSeconds(5), condition);
    }
}
