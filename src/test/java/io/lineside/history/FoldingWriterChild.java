package io.lineside.history;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Run in a child JVM by {@link FoldKillTest}: writes {@link #update} 0, 1, 2, ... through a folding
 * {@link HistoryWriter} and prints {@code acked N} once updates 0..N-1 are committed (the ack-after-commit marker)
 * and {@code folded K} as hours are packed, until it is killed.
 */
public final class FoldingWriterChild {

    static final int TAGS = 10;
    static final Instant T0 = Instant.parse("2025-03-01T06:00:00Z");

    private FoldingWriterChild() {
    }

    /** The i-th update the child writes: one per tag per second, values in hundredths. */
    static TagUpdate update(long i) {
        int tag = (int) (i % TAGS);
        long second = i / TAGS;
        return Samples.good(TagPath.parse("plant1/press/line1/st" + tag + "/temperature"), T0.plusSeconds(second),
                Math.round(Math.sin(second / 60.0 + tag) * 10_000) / 100.0, second + 1);
    }

    public static void main(String[] args) throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(Path.of(args[0]));
             HistoryWriter writer = new HistoryWriter(db, 20_000, Duration.ofMillis(10), (b, a) -> { },
                     new HourFolder(Clock.systemUTC(), Duration.ZERO, Duration.ZERO))) {
            long lastFolded = -1;
            for (long i = 0; ; i++) {
                writer.put(update(i));
                if ((i + 1) % 250 == 0) {
                    long acked = i + 1;
                    writer.putAfterCommit(() -> {
                        System.out.println("acked " + acked);
                        System.out.flush();
                    });
                }
                if (writer.foldedHours() != lastFolded) {
                    lastFolded = writer.foldedHours();
                    System.out.println("folded " + lastFolded);
                    System.out.flush();
                }
            }
        }
    }
}
