package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagUpdate;
import io.lineside.testsupport.MutableClock;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history's redo log of committed batches ({@link AckLog}, decision 0019), and its write-back at open. */
class AckLogTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

    private static AckRecord record(long batch, int samples, long firstSeq) {
        List<TagUpdate> rows = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long seq = firstSeq + i;
            rows.add(Samples.good(Samples.TEMP, Samples.T0.plusMillis(seq), seq * 0.5, seq));
        }
        return new AckRecord(batch, rows, List.of());
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".acklog"))
                    .sorted(Comparator.comparingLong(f -> Long.parseLong(f.getFileName().toString()
                            .replaceAll("\\D", "")))).toList();
        }
    }

    @Test
    void everyAppendedBatchReadsBackAsItWasWritten() throws Exception {
        TagUpdate text = Samples.of(Samples.STATE, Samples.T0, "RUNNING 运行", Quality.GOOD, 7);
        TagUpdate bad = Samples.of(Samples.TEMP, Samples.T0.plusMillis(1), null, Quality.BAD, 8);
        TagUpdate nan = Samples.of(Samples.TEMP, Samples.T0.plusMillis(2), Double.NaN, Quality.UNCERTAIN, -1);
        TagUpdate late = new TagUpdate(Samples.TEMP, Samples.good(Samples.TEMP, Samples.T0.plusMillis(3), 4.25, 3)
                .value().withFlags(io.lineside.tags.TagValue.LATE));
        TagUpdate longText = Samples.of(Samples.STATE, Samples.T0.plusMillis(4), "x".repeat(300), Quality.GOOD, 9);
        List<TagGap> gaps = List.of(new TagGap(Samples.TEMP, Samples.T0, Samples.T0.plusSeconds(2), 5, 10),
                new TagGap(null, Samples.T0.plusSeconds(3), Samples.T0.plusSeconds(4), -1));
        try (AckLog log = AckLog.open(dir, "file", clock)) {
            log.start(0, false);
            log.append(new AckRecord(1, List.of(text, bad, nan, late, longText), gaps));
            log.append(record(2, 3, 100));
            log.force();
            assertEquals(2, log.appended());
        }
        try (AckLog log = AckLog.open(dir, "file", clock)) {
            AckLog.Read read = log.read(0);
            assertEquals(2, read.records().size());
            assertEquals(2, read.highestBatch());
            AckRecord first = read.records().getFirst();
            assertEquals(List.of(text, bad, nan, late,
                    Samples.of(Samples.STATE, Samples.T0.plusMillis(4), "x".repeat(200), Quality.GOOD, 9)),
                    first.samples(), "as stored: a text past 200 characters is cut, like the table's");
            assertTrue(first.samples().get(3).value().late());
            assertEquals(gaps, first.gaps());
            assertEquals(record(2, 3, 100), read.records().get(1));
            assertEquals(List.of(2L), log.read(1).records().stream().map(AckRecord::batch).toList(), "above 1 only");
            assertEquals(0, read.torn() + read.corrupt());
        }
    }

    @Test
    void aTornLastRecordIsIgnoredAndCounted() throws Exception {
        try (AckLog log = AckLog.open(dir, "file", clock)) {
            log.start(0, false);
            for (int b = 1; b <= 3; b++) {
                log.append(record(b, 10, b * 10));
            }
        }
        Path segment = segments().getFirst();
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(f.length() - 5); // the last append was cut short
        }
        try (AckLog log = AckLog.open(dir, "file", clock)) {
            AckLog.Read read = log.read(0);
            assertEquals(List.of(1L, 2L), read.records().stream().map(AckRecord::batch).toList());
            assertEquals(1, read.torn());
            assertEquals(0, read.corrupt());
            log.start(read.highestBatch(), false);
            assertEquals(3, log.nextBatch(), "numbering goes on after what was read");
        }
    }

    @Test
    void aDamagedRecordEndsItsSegmentButNotTheNext() throws Exception {
        long secondAt;
        try (AckLog log = AckLog.open(dir, "file", clock)) {
            log.start(0, false);
            log.append(record(1, 10, 0));
            secondAt = AckLog.MAGIC.length + record(1, 10, 0).encode().remaining();
            log.append(record(2, 10, 10));
            log.append(record(3, 10, 20));
            clock.advance(AckLog.ROLL_AGE);
            log.append(record(4, 10, 30)); // a new segment
        }
        assertEquals(2, segments().size());
        try (RandomAccessFile f = new RandomAccessFile(segments().getFirst().toFile(), "rw")) {
            f.seek(secondAt + AckRecord.FRAME + 40); // a byte inside batch 2's samples
            int b = f.read();
            f.seek(secondAt + AckRecord.FRAME + 40);
            f.write(b ^ 0x10);
        }
        try (AckLog log = AckLog.open(dir, "file", clock)) {
            AckLog.Read read = log.read(0);
            assertEquals(List.of(1L, 4L), read.records().stream().map(AckRecord::batch).toList(),
                    "batch 3 sits behind the damage in its segment; batch 4 is in the next");
            assertEquals(1, read.corrupt());
            assertEquals(0, read.torn());
        }
    }

    @Test
    void segmentsRollAtAMinuteAndAt16MegabytesAndGoOnceForcedAndTenMinutesOld() throws Exception {
        try (AckLog log = AckLog.open(dir, "file", clock)) {
            log.start(0, false);
            long batch = 1;
            log.append(record(batch++, 1, 0));
            clock.advance(AckLog.ROLL_AGE.minusSeconds(1));
            log.append(record(batch++, 1, 1));
            assertEquals(1, segments().size(), "59 s: still one segment");
            clock.advance(Duration.ofSeconds(1));
            log.append(record(batch++, 1, 2));
            assertEquals(2, segments().size(), "rolled at a minute");
            long big = record(0, 5_000, 0).encode().remaining();
            long before = Files.size(segments().get(1));
            while (Files.size(segments().getLast()) + big <= AckLog.ROLL_BYTES) {
                log.append(record(batch++, 5_000, batch * 5_000));
            }
            assertEquals(2, segments().size());
            log.append(record(batch++, 5_000, batch * 5_000));
            assertEquals(3, segments().size(), "rolled before passing 16 MB");
            assertTrue(Files.size(segments().get(1)) <= AckLog.ROLL_BYTES, "a segment stays within 16 MB");
            assertTrue(Files.size(segments().get(1)) > before);
            long last = batch - 1;

            log.synced(2);
            assertEquals(3, segments().size(), "synced past the first, but it is not ten minutes old");
            clock.advance(AckLog.KEEP);
            log.synced(2);
            assertEquals(2, segments().size(), "the first segment (batches 1-2) goes once H2 is synced past it");
            log.synced(last);
            assertEquals(List.of(), segments(), "the open one rolled at its age, and went with the rest");
            assertEquals(3, log.deleted());
        }
    }

    @Test
    void batchesH2LostAreWrittenBackAtOpenAndOnlyOnce() throws Exception {
        List<TagGap> gap = List.of(new TagGap(Samples.TEMP, Samples.T0, Samples.T0.plusMillis(50), 3, 50));
        try (HistoryDatabase db = HistoryDatabase.open(dir); HistoryWriter writer = new HistoryWriter(db)) {
            for (int i = 0; i < 100; i++) {
                writer.put(Samples.good(Samples.TEMP, Samples.T0.plusMillis(i), i, i));
            }
            writer.putGap(gap.getFirst());
            acked(writer);
        }
        // What a power cut did to H2 in 0018's rig: it opens an older version, without the last batches.
        try (HistoryDatabase db = HistoryDatabase.open(dir); Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals(0, db.replayed().batches(), "nothing lost yet");
            assertTrue(AckReplay.committedBatch(c) >= 1);
            st.execute("DELETE FROM sample");
            st.execute("DELETE FROM gap");
            st.execute("UPDATE ack_log SET batch = 0");
        }
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            HistoryQuery q = new HistoryQuery(db);
            assertEquals(100, q.sampleCount(), "every logged sample written back");
            assertEquals(100, db.replayed().samples());
            assertEquals(1, q.gaps(Samples.TEMP, Samples.T0, Samples.T0.plusSeconds(1)).size());
        }
        try (HistoryDatabase db = HistoryDatabase.open(dir); Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals(0, db.replayed().batches(), "the write-back recorded its batches: not again");
            assertEquals(100, new HistoryQuery(db).sampleCount());
            st.execute("UPDATE ack_log SET batch = 0"); // the samples are there, their batch numbers are not
        }
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            assertTrue(db.replayed().batches() >= 1);
            assertEquals(0, db.replayed().inserted(), "the sample key absorbs the repeat");
            assertEquals(100, new HistoryQuery(db).sampleCount());
        }
    }

    @Test
    void aDamagedLogNeverStopsTheDatabaseOpening() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir); HistoryWriter writer = new HistoryWriter(db)) {
            writer.put(Samples.good(Samples.TEMP, Samples.T0, 1, 1));
            acked(writer);
        }
        Files.write(dir.resolve("history-acklog-7.acklog"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        Files.write(dir.resolve("history-acklog-8.acklog"), new byte[0]);
        Files.createDirectory(dir.resolve("history-acklog-9.acklog"));
        try (HistoryDatabase db = HistoryDatabase.open(dir); HistoryWriter writer = new HistoryWriter(db)) {
            assertEquals(1, new HistoryQuery(db).sampleCount());
            assertEquals(2, db.replayed().corrupt(), "no header, and a directory: " + db.replayed());
            assertEquals(1, db.replayed().torn(), "empty: created, header not yet forced");
            writer.put(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(1), 2, 2));
            acked(writer);
            assertEquals(0, writer.logFailureCount());
            assertTrue(Files.exists(dir.resolve("history-acklog-10.acklog")), "numbered after the damaged ones");
        }
    }

    @Test
    void aQuarantinedDatabaseGetsItsLoggedBatchesBack() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir); HistoryWriter writer = new HistoryWriter(db)) {
            for (int i = 0; i < 2000; i++) {
                writer.put(Samples.good(Samples.TEMP, Samples.T0.plusSeconds(i), i, i));
            }
            acked(writer);
        }
        Path file = dir.resolve("history.mv.db");
        long size = Files.size(file);
        byte[] garbage = new byte[(int) (size - size / 2)];
        new java.util.Random(42).nextBytes(garbage);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(size / 2);
            raf.write(garbage);
        }
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            assertTrue(db.quarantined().isPresent());
            assertEquals(2000, new HistoryQuery(db).sampleCount(), "the fresh file holds what the log kept");
        }
    }

    /** Waits until everything put so far is committed and its (pretend) ack has run. */
    private static void acked(HistoryWriter writer) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        writer.putAfterCommit(done::countDown);
        assertTrue(done.await(20, TimeUnit.SECONDS), "acked");
    }
}
