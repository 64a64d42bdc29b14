package io.lineside.bench;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryQuery;
import io.lineside.history.HistoryWriter;
import io.lineside.history.TrendBucket;
import io.lineside.tags.TagPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scenario 3: history through the real {@link HistoryWriter} into an H2 file: write rate, bytes per sample on disk
 * after a clean close, the shift review (50 tags x 8 h down-sampled to 1600 buckets, queried and drawn headless)
 * and one tag over 30 days.
 */
final class HistoryScenario implements Scenario {

    static final String NAME = "3 history";
    static final int BUCKETS = 1_600;
    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        List<Row> rows = new ArrayList<>();
        int runs = context.size(1, 5);
        int shiftSeconds = context.size(120, 8 * 3600);
        List<TagPath> tags = IntStream.range(0, 50)
                .mapToObj(i -> new TagPath("bench", "history", "line-" + i / 10, "st-" + i % 10, "temperature"))
                .toList();
        Path shiftDir = context.dir("history-shift");
        context.progress("writing %d tags x %d s at 1 Hz", tags.size(), shiftSeconds);
        long samples = (long) tags.size() * shiftSeconds;
        double writeSeconds = write(shiftDir, tags, shiftSeconds);
        long bytes = Files.size(shiftDir.resolve("history.mv.db"));
        String span = Row.format(shiftSeconds / 3600.0) + " h x " + tags.size() + " tags";
        String shift = span + " at 1 Hz = " + samples + " samples";
        rows.add(Row.measured(NAME, "write rate", samples / writeSeconds, "samples/s", null,
                shift + ", HistoryWriter batches of 500 (5,000 while 2,000 wait), one commit each"));
        rows.add(Row.measured(NAME, "bytes per sample on disk", bytes / (double) samples, "B", Target.atMost(12, "B"),
                "history.mv.db after close: " + Row.format(bytes / 1e6) + " MB (sample table + covering index)"));

        try (HistoryDatabase db = HistoryDatabase.open(shiftDir)) {
            HistoryQuery query = new HistoryQuery(db);
            Instant to = T0.plusSeconds(shiftSeconds);
            long[] times = new long[runs];
            List<List<TrendBucket>> result = null;
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                result = new ArrayList<>();
                for (TagPath tag : tags) {
                    result.add(query.trend(tag, T0, to, BUCKETS));
                }
                times[run] = System.nanoTime() - t0;
            }
            Percentiles q = new Percentiles(times);
            double render = ShiftChart.renderMillis(result, context);
            rows.add(Row.measured(NAME, "shift review query (" + span + ")", q.millis(50), "ms", null,
                    "median of " + runs + ", first " + Row.format(times[0] / 1e6) + " ms; " + BUCKETS
                            + " buckets per tag, M4 in H2"));
            rows.add(Row.measured(NAME, "shift review render (50 series)", render, "ms", null,
                    "TrendChart canvas with 50 pens built, painted and snapshotted headless (prism sw), median of " + context.size(1, 3)));
            rows.add(Row.measured(NAME, "shift review query + render", q.millis(50) + render, "ms",
                    Target.atMost(250, "ms"), ""));
        }

        int monthSeconds = context.size(2 * 3600, 30 * 24 * 3600);
        Path monthDir = context.dir("history-month");
        TagPath one = new TagPath("bench", "history", "line-0", "st-0", "pressure");
        context.progress("writing 1 tag x %d s at 1 Hz", monthSeconds);
        double monthWrite = write(monthDir, List.of(one), monthSeconds);
        try (HistoryDatabase db = HistoryDatabase.open(monthDir)) {
            HistoryQuery query = new HistoryQuery(db);
            long[] times = new long[runs];
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                query.trend(one, T0, T0.plusSeconds(monthSeconds), BUCKETS);
                times[run] = System.nanoTime() - t0;
            }
            Percentiles q = new Percentiles(times);
            rows.add(Row.measured(NAME, "one tag over " + Row.format(monthSeconds / 86400.0) + " d ("
                            + monthSeconds + " samples): query", q.millis(50), "ms", Target.atMost(300, "ms"),
                    "median of " + runs + ", first " + Row.format(times[0] / 1e6) + " ms; written at "
                            + Row.format(monthSeconds / monthWrite) + " samples/s; query only, no render"));
        }
        return rows;
    }

    /** Writes the samples into a fresh database in {@code dir} and closes it (H2 compacts on close). */
    private static double write(Path dir, List<TagPath> tags, int seconds) throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(dir); HistoryWriter writer = new HistoryWriter(db)) {
            return HistoryLoad.write(writer, tags, T0, seconds);
        }
    }
}
