package io.lineside.bench;

import io.lineside.history.TrendBucket;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;

/**
 * Draws shift-review trends the way the trend pane does (two points per bucket: the extremes in time order) into
 * one JavaFX LineChart and forces a render with a snapshot, so "render" is timed for real, headless.
 */
final class ShiftChart {

    private ShiftChart() {
    }

    /** Median of 3 renders (1 in a smoke run) in milliseconds, on the FX thread. */
    static double renderMillis(List<List<TrendBucket>> trends, BenchContext context) throws Exception {
        Fx.start();
        long[] times = new long[context.size(1, 3)];
        for (int i = 0; i < times.length; i++) {
            times[i] = Fx.call(() -> render(trends));
        }
        return new Percentiles(times).millis(50);
    }

    private static long render(List<List<TrendBucket>> trends) {
        long t0 = System.nanoTime();
        LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        for (List<TrendBucket> buckets : trends) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            for (TrendBucket b : buckets) {
                if (!b.hasGoodValues()) {
                    continue;
                }
                boolean rising = b.first() <= b.last();
                series.getData().add(new XYChart.Data<>(b.start().toEpochMilli() / 1000.0, rising ? b.min() : b.max()));
                series.getData().add(new XYChart.Data<>(b.end().toEpochMilli() / 1000.0, rising ? b.max() : b.min()));
            }
            chart.getData().add(series);
        }
        StackPane root = new StackPane(chart);
        new Scene(root, HistoryScenario.BUCKETS, 900);
        root.applyCss();
        root.layout();
        root.snapshot(new SnapshotParameters(), null);
        return System.nanoTime() - t0;
    }
}
