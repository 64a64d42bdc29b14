package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QoS 1 acknowledgement promises that the samples survive a power loss, not only a kill -9: the history writer
 * appends each committed batch to its ack log and forces the log before it runs the batch's acks (decision 0019).
 * {@link PowerCut} stands between H2 (and the log) and the disk and, at a random moment, undoes every write since
 * the last fsync, as a power loss may; the file is then opened as after a reboot, which writes back the logged
 * batches H2 lost. Every sample acknowledged before the cut must be in it, round after round on the same file.
 */
class PowerCutTest {

    private static final TagPath TAG = TagPath.parse("plant1/press/line1/st10/pressure");
    /**
     * Rounds of the power-cut test, on demand: {@code -Dpowercut.rounds=200} (RELIABILITY.md scenario 20); about
     * 0.6 s a round. Without the ack log it failed now and then, as H2 alone does ({@link H2RecoveryPowerCutTest}:
     * its last forced commits lost after about 1 cut in 40; decisions 0018, 0019).
     */
    static final int ROUNDS = Integer.getInteger("powercut.rounds", 0);

    @TempDir
    Path dir;

    @BeforeAll
    static void install() {
        PowerCut.install();
    }

    @org.junit.jupiter.api.BeforeEach
    void created() throws Exception {
        HistoryDatabase.open(dir).close(); // the station's file exists (a cut while H2 creates it is another story)
    }

    @AfterEach
    void powerBack() throws Exception {
        PowerCut.restore();
    }

    @Test
    void everyAcknowledgedSampleSurvivesAPowerCutAtAnyMoment() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ROUNDS > 0, "on demand: -Dpowercut.rounds=200");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Long> acked = new ArrayList<>();
        long next = 1;
        int writtenBack = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Round r = runUntilCut(next, true, random);
            next = r.fedUpTo + 1;
            for (long s = r.firstSeq; s <= r.ackedUpTo; s++) {
                acked.add(s);
            }
            int[] back = new int[1];
            Set<Long> stored = storedSeqs(back);
            writtenBack += back[0] > 0 ? 1 : 0;
            List<Long> lost = acked.stream().filter(s -> !stored.contains(s)).toList();
            assertEquals(List.of(), lost.subList(0, Math.min(20, lost.size())), "round " + round + " (seed " + seed
                    + "): acknowledged samples lost by a power cut: " + lost.size() + " of " + acked.size() + " ("
                    + r + (lost.isEmpty() ? "" : ", lost " + lost.getFirst() + ".." + lost.getLast()) + ")");
            assertTrue(r.ackedUpTo >= r.firstSeq, "round " + round + " acknowledged something before its cut");
            System.out.printf("round %d: fed %d, acked %d before the cut, %d stored in all, %d batches written back"
                    + " from the log%n", round, r.fedUpTo - r.firstSeq + 1, r.ackedUpTo - r.firstSeq + 1, stored.size(),
                    back[0]);
        }
        System.out.printf("%d rounds passed; in %d of them H2 had lost logged batches%n", ROUNDS, writtenBack);
    }

    @Test
    void theCutUndoesTheAckLogsUnforcedAppendsToo() throws Exception {
        // The log is inside the model: what it did not force is gone after the cut, like the store's writes.
        try (AckLog log = AckLog.open(dir, PowerCut.SCHEME, java.time.Clock.systemUTC())) {
            log.start(0, false);
            log.append(new AckRecord(1, List.of(Samples.good(TAG, Instant.EPOCH, 1, 1)), List.of()));
            log.force();
            log.append(new AckRecord(2, List.of(Samples.good(TAG, Instant.EPOCH.plusMillis(1), 2, 2)), List.of()));
            PowerCut.cut(() -> null);
        } finally {
            PowerCut.restore();
        }
        try (AckLog log = AckLog.open(dir, "file", java.time.Clock.systemUTC())) {
            AckLog.Read read = log.read(0);
            assertEquals(List.of(1L), read.records().stream().map(AckRecord::batch).toList());
            assertEquals(0, read.torn() + read.corrupt(), "cut at a record's end: nothing torn");
        }
    }

    @Test
    void withoutTheLogAndTheSyncTheSameCutLosesAcknowledgedSamples() throws Exception {
        // The control: the rig is able to fail. Acked after the commit alone, samples sit in the OS's cache only.
        Round r = runUntilCut(1, false, new Random(7));
        Set<Long> stored = storedSeqs();
        long lost = 0;
        for (long s = r.firstSeq; s <= r.ackedUpTo; s++) {
            lost += stored.contains(s) ? 0 : 1;
        }
        System.out.printf("without the log and the sync: acked %d, lost %d%n", r.ackedUpTo - r.firstSeq + 1, lost);
        assertTrue(lost > 0, "acked " + (r.ackedUpTo - r.firstSeq + 1) + ", all survived without an fsync");
    }

    @Test
    void unacknowledgedSamplesAreLostForAtMostTheLastSecondAndAHalf() throws Exception {
        // QoS 0 has no ack to wait for: the writer forces its commits at least once a second instead, so a power
        // cut loses at most that window (plus one 250 ms batch wait) of what it was given.
        HistoryDatabase db = HistoryDatabase.open(dir, PowerCut.SCHEME);
        HistoryWriter writer = new HistoryWriter(db);
        Instant base = Instant.now();
        long[] fedAt = new long[4000]; // nanoTime at which seq i was handed over, 1 ms apart for 4 s
        long cutAt;
        try {
            for (int seq = 0; seq < fedAt.length; seq++) {
                fedAt[seq] = System.nanoTime();
                writer.put(Samples.good(TAG, base.plusMillis(seq), seq, seq));
                Thread.sleep(1);
            }
        } finally {
            cutAt = PowerCut.cut(System::nanoTime);
            writer.close();
            db.close();
            PowerCut.restore();
        }
        Set<Long> stored = storedSeqs();
        long window = Duration.ofMillis(1500).toNanos();
        List<Integer> lostOld = new ArrayList<>();
        for (int seq = 0; seq < fedAt.length; seq++) {
            if (cutAt - fedAt[seq] > window && !stored.contains((long) seq)) {
                lostOld.add(seq);
            }
        }
        System.out.printf("QoS 0: fed %d over %d ms, %d stored after the cut%n", fedAt.length,
                Duration.ofNanos(cutAt - fedAt[0]).toMillis(), stored.size());
        assertEquals(List.of(), lostOld.subList(0, Math.min(20, lostOld.size())), lostOld.size()
                + " samples handed over more than 1.5 s before the cut were lost");
        assertTrue(stored.size() < fedAt.length, "the cut lost the last unforced commits (else it tested nothing)");
    }

    private record Round(long firstSeq, long ackedUpTo, long fedUpTo) {
    }

    /** Feeds samples with an ack after every few, cuts the power 0..500 ms after the first ack, shuts everything down. */
    private Round runUntilCut(long firstSeq, boolean sync, Random random) throws Exception {
        AtomicLong ackedUpTo = new AtomicLong(firstSeq - 1);
        AtomicLong fed = new AtomicLong(firstSeq - 1);
        AtomicBoolean stop = new AtomicBoolean();
        long ackedAtCut;
        HistoryDatabase db = HistoryDatabase.open(dir, PowerCut.SCHEME);
        HistoryWriter writer = new HistoryWriter(db, HistoryWriter.DEFAULT_CAPACITY, Duration.ofMillis(50),
                (batch, attempt) -> { }, WriterMaintenance.defaultFolder(), sync);
        Thread feeder = Thread.ofPlatform().name("power-cut-feeder").start(() -> {
            long seq = firstSeq;
            Random pace = new Random(random.nextLong());
            while (!stop.get()) {
                int messages = 1 + pace.nextInt(20);
                for (int i = 0; i < messages; i++, seq++) {
                    // stamped when received, as a bare number is: a stamp of base + seq ms ran past the query's
                    // window (now + 1 h) after 3.6 M samples, and round 149 of a 200-round run "lost" that tail
                    writer.put(Samples.good(TAG, Instant.now(), seq % 1000, seq));
                }
                long upTo = seq - 1;
                fed.set(upTo);
                writer.putAfterCommit(() -> ackedUpTo.set(upTo));
                if (pace.nextInt(4) == 0) {
                    try {
                        Thread.sleep(pace.nextInt(3));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (ackedUpTo.get() < firstSeq && System.nanoTime() < deadline) {
                Thread.sleep(5); // a slow start (a busy machine) gets its first ack before the cut is timed
            }
            Thread.sleep(random.nextInt(500));
        } finally {
            ackedAtCut = PowerCut.cut(ackedUpTo::get);
            stop.set(true);
            feeder.join();
            writer.close(); // its writes go nowhere now
            // On a loaded machine the writer may outlive close's 5 s (a fold turn under way): closing the database
            // under it made it read a closing store as "corrupted" and hold the lock past the reboot's open (round
            // 183 of a 200-round run). The dying instance ends first, as a process without power does.
            assertTrue(writer.awaitStopped(Duration.ofMinutes(2)), "the dying writer ended");
            db.close();
            PowerCut.restore();
        }
        return new Round(firstSeq, ackedAtCut, fed.get());
    }

    /** Opens the file as after the reboot: it must open as it is (not quarantined) and shows what it kept. */
    private Set<Long> storedSeqs() throws Exception {
        return storedSeqs(new int[1]);
    }

    /** ... and puts the number of batches written back from the ack log in {@code writtenBack[0]}. */
    private Set<Long> storedSeqs(int[] writtenBack) throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            if (db.quarantined().isPresent()) { // keep the damaged file for a person (the temp dir goes)
                Path evidence = java.nio.file.Files.createDirectories(Path.of("target", "powercut-evidence"));
                java.nio.file.Files.copy(db.quarantined().get(), evidence.resolve(
                        db.quarantined().get().getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertTrue(db.quarantined().isEmpty(), "the file opened after the cut, not quarantined (copied to "
                    + "target/powercut-evidence)");
            writtenBack[0] = db.replayed().batches();
            Set<Long> seqs = new HashSet<>();
            for (var v : new HistoryQuery(db).samples(TAG, Instant.EPOCH, Instant.now().plusSeconds(60),
                    10_000_000)) {
                seqs.add(v.seq());
            }
            return seqs;
        }
    }
}
