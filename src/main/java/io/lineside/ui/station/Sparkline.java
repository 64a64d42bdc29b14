package io.lineside.ui.station;

import java.util.List;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Polyline;

/** A small line of recent values, scaled to its own min and max; NaN points break the line. FX thread only. */
final class Sparkline extends Pane {

    static final double WIDTH = 260;
    static final double HEIGHT = 40;

    Sparkline() {
        getStyleClass().add("sparkline");
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
    }

    void show(List<Double> points) {
        getChildren().clear();
        if (points == null || points.isEmpty()) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : points) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return;
        }
        double span = hi - lo < 1e-9 ? 1 : hi - lo;
        double step = WIDTH / Math.max(1, points.size() - 1);
        Polyline run = null;
        for (int i = 0; i < points.size(); i++) {
            double v = points.get(i);
            if (Double.isNaN(v)) {
                run = null;
                continue;
            }
            if (run == null) {
                run = new Polyline();
                run.getStyleClass().add("sparkline-line");
                getChildren().add(run);
            }
            run.getPoints().addAll(i * step, 3 + (HEIGHT - 6) * (1 - (v - lo) / span));
        }
    }
}
