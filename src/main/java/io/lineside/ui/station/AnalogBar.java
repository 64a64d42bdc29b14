package io.lineside.ui.station;

import io.lineside.tags.Quality;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/**
 * A horizontal analog indicator: a grey track, the normal band lighter, alarm limits as ticks (H/L thin, HH/LL
 * thick) and the value as a dark pointer. A STALE or BAD value hollows the pointer and hatches the track, so it
 * never reads as live. FX thread only.
 */
final class AnalogBar extends Region {

    static final double WIDTH = 260;
    static final double HEIGHT = 22;

    private final GaugeViewModel model;
    private final Rectangle track = new Rectangle(WIDTH, 12);
    private final Rectangle band = new Rectangle();
    private final Line low = tick("bar-limit");
    private final Line high = tick("bar-limit");
    private final Line lowLow = tick("bar-limit-extreme");
    private final Line highHigh = tick("bar-limit-extreme");
    private final Polygon pointer = new Polygon(0, 0, 5, -7, -5, -7);
    private final Rectangle needle = new Rectangle(2, 14);
    private final ChangeListener<Object> redraw = (o, a, b) -> draw();

    AnalogBar(GaugeViewModel model) {
        this.model = model;
        getStyleClass().add("analog-bar");
        track.getStyleClass().add("bar-track");
        band.getStyleClass().add("bar-normal");
        pointer.getStyleClass().add("bar-pointer");
        needle.getStyleClass().add("bar-needle");
        getChildren().addAll(track, band, low, high, lowLow, highHigh, needle, pointer);
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        model.fractionProperty().addListener(redraw);
        model.scaleProperty().addListener(redraw);
        model.qualityProperty().addListener(redraw);
        draw();
    }

    private static Line tick(String style) {
        Line l = new Line();
        l.getStyleClass().add(style);
        return l;
    }

    private void draw() {
        double top = 8;
        track.setY(top);
        GaugeViewModel.Scale s = model.scaleProperty().get();
        band.setX(s.normalFrom() * WIDTH);
        band.setY(top);
        band.setWidth(Math.max(0, (s.normalTo() - s.normalFrom()) * WIDTH));
        band.setHeight(12);
        place(low, s.low(), top);
        place(high, s.high(), top);
        place(lowLow, s.lowLow(), top);
        place(highHigh, s.highHigh(), top);
        double f = model.fractionProperty().get();
        pointer.setVisible(!Double.isNaN(f));
        needle.setVisible(!Double.isNaN(f));
        if (!Double.isNaN(f)) {
            pointer.setTranslateX(f * WIDTH);
            pointer.setTranslateY(top);
            needle.setX(f * WIDTH - 1);
            needle.setY(top - 1);
        }
        Quality q = model.qualityProperty().get();
        getStyleClass().removeIf(c -> c.startsWith("quality-"));
        getStyleClass().add("quality-" + q.name().toLowerCase(Locale.ROOT));
    }

    private static void place(Line l, double at, double top) {
        l.setVisible(!Double.isNaN(at));
        if (!Double.isNaN(at)) {
            l.setStartX(at * WIDTH);
            l.setEndX(at * WIDTH);
            l.setStartY(top - 3);
            l.setEndY(top + 15);
        }
    }

    void dispose() {
        model.fractionProperty().removeListener(redraw);
        model.scaleProperty().removeListener(redraw);
        model.qualityProperty().removeListener(redraw);
    }
}
