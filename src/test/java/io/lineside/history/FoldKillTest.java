package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while hours are being folded (a block written, rows deleted, in one transaction): the reopened file holds
 * every acknowledged sample exactly once, packed or not.
 */
class FoldKillTest {

    @TempDir
    Path dir;

    @Test
    void killedDuringFoldsTheReopenedFileHasEveryAcknowledgedSampleExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                FoldingWriterChild.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long acked = 0;
        long folded = 0;
        int foldsBeforeKill = 8 + random.nextInt(30);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            for (String line; folded < foldsBeforeKill && (line = out.readLine()) != null; ) {
                assertTrue(System.nanoTime() < deadline, "child folded only " + folded + " hours in 90 s");
                if (line.startsWith("acked ")) {
                    acked = Math.max(acked, Long.parseLong(line.substring(6)));
                } else if (line.startsWith("folded ")) {
                    folded = Long.parseLong(line.substring(7));
                }
            }
            Thread.sleep(random.nextInt(200));
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, maybe mid-transaction
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            // Acks still in the pipe are lost with it (destroy closes the stream): we check fewer, never more.
        }
        assertTrue(folded >= foldsBeforeKill && acked > 0, "seed " + seed);

        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            assertTrue(db.quarantined().isEmpty(), "the killed file is sound");
            HistoryQuery query = new HistoryQuery(db);
            Set<String> stored = new HashSet<>();
            for (int tag = 0; tag < FoldingWriterChild.TAGS; tag++) {
                TagPath path = FoldingWriterChild.update(tag).path();
                List<TagValue> values = query.samples(path, FoldingWriterChild.T0, Instant.parse("2030-01-01T00:00:00Z"),
                        Integer.MAX_VALUE);
                for (TagValue v : values) {
                    assertTrue(stored.add(path + "@" + v.sourceTime() + "#" + v.seq()), "read twice: " + v);
                }
            }
            assertEquals(stored.size(), query.sampleCount(), "every stored sample is stored once (seed " + seed + ")");
            for (long i = 0; i < acked; i++) {
                TagUpdate u = FoldingWriterChild.update(i);
                assertTrue(stored.contains(u.path() + "@" + u.value().sourceTime() + "#" + u.value().seq()),
                        "acknowledged update " + i + " of " + acked + " is lost (seed " + seed + ")");
            }
            try (HistoryWriter writer = new HistoryWriter(db)) { // the reopened file folds on
                assertTrue(writer.awaitFolded(Duration.ofSeconds(60)));
            }
            assertEquals(stored.size(), query.sampleCount(), "folding after the crash keeps every sample once");
        }
    }
}
