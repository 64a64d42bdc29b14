package io.lineside.bench;

import io.lineside.history.HistoryWriter;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Feeds a {@link HistoryWriter} with realistic 1 Hz samples (random walks with sensor noise, two decimals, as
 * analog signals arrive) as fast as it commits them, keeping its queue below capacity so nothing is dropped.
 */
final class HistoryLoad {

    /** Below the writer's default queue capacity, so {@code accept} never drops. */
    private static final long MAX_AHEAD = 40_000;

    private HistoryLoad() {
    }

    /**
     * Writes one sample per tag per second over {@code [from, from + seconds)}; returns the seconds it took until
     * the last one was committed.
     */
    static double write(HistoryWriter writer, List<TagPath> tags, Instant from, int seconds)
            throws InterruptedException {
        SplittableRandom random = new SplittableRandom(42);
        double[] level = new double[tags.size()];
        for (int t = 0; t < level.length; t++) {
            level[t] = 20 + 5 * t % 60;
        }
        long base = writer.writtenCount();
        long submitted = 0;
        long t0 = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            Instant ts = from.plusSeconds(s);
            for (int t = 0; t < tags.size(); t++) {
                level[t] += random.nextGaussian() * 0.05;
                double value = Math.round((level[t] + random.nextGaussian() * 0.2) * 100) / 100.0;
                Instant received = ts.plusMillis(3 + random.nextInt(40));
                writer.accept(new TagUpdate(tags.get(t), new TagValue(value, ts, received, Quality.GOOD, s + 1L)));
                submitted++;
                while (submitted - (writer.writtenCount() - base) > MAX_AHEAD) {
                    Thread.sleep(1);
                }
            }
        }
        while (writer.writtenCount() - base < submitted) {
            if (writer.droppedCount() > 0 || writer.failedCount() > 0) {
                throw new IllegalStateException("history writer dropped " + writer.droppedCount() + " and lost "
                        + writer.failedCount() + " samples: " + writer.lastError());
            }
            Thread.sleep(1);
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
