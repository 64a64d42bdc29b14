package io.lineside.bench;

import io.lineside.history.TrendBucket;
import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.ui.Texts;
import io.lineside.ui.trend.TrendChart;
import io.lineside.ui.trend.TrendData;
import io.lineside.ui.trend.TrendPen;
import io.lineside.ui.trend.TrendRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * Draws shift-review trends with the trend pane's own canvas chart (M4 spans per pixel column, breaks, quality
 * bands, shared axes for 50 pens) and forces a render with a snapshot, so "render" is timed for real, headless.
 */
final class ShiftChart {

    /** Left axis and right margin of a chart whose pens share one axis: the plot is then exactly BUCKETS wide. */
    private static final int CHROME = 60;

    private ShiftChart() {
    }

    /**
     * Median of 3 renders (1 in a smoke run) in milliseconds, on the FX thread, after one untimed render: the first
     * canvas of a JVM pays class loading, JIT and the software pipeline's set-up once, not per shift review.
     */
    static double renderMillis(List<List<TrendBucket>> trends, BenchContext context) throws Exception {
        Fx.start();
        TrendData data = data(trends);
        Fx.call(() -> render(data));
        long[] times = new long[context.size(1, 3)];
        for (int i = 0; i < times.length; i++) {
            times[i] = Fx.call(() -> render(data));
        }
        return new Percentiles(times).millis(50);
    }

    private static TrendData data(List<List<TrendBucket>> trends) {
        List<TrendPen> pens = new ArrayList<>();
        List<List<TagGap>> gaps = new ArrayList<>();
        Instant from = Instant.MAX;
        Instant to = Instant.MIN;
        for (int i = 0; i < trends.size(); i++) {
            pens.add(new TrendPen(new TagPath("bench", "history", "line-0", "st-" + i, "value"), "st-" + i, ""));
            gaps.add(List.of());
            for (TrendBucket b : trends.get(i)) {
                from = b.start().isBefore(from) ? b.start() : from;
                to = b.end().isAfter(to) ? b.end() : to;
            }
        }
        return new TrendData(pens, new TrendRange(from, to), trends, gaps);
    }

    private static long render(TrendData data) {
        long t0 = System.nanoTime();
        TrendChart chart = new TrendChart(ZoneId.systemDefault(), Texts.forLocale(Locale.ENGLISH));
        StackPane root = new StackPane(chart);
        new Scene(root, HistoryScenario.BUCKETS + CHROME, 900);
        chart.setData(data);
        root.applyCss();
        root.layout();
        chart.paintNow();
        root.snapshot(null, null);
        return System.nanoTime() - t0;
    }
}
