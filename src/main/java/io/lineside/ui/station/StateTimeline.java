package io.lineside.ui.station;

import io.lineside.tags.StationState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The state timeline: a band per stretch of state. Never colour alone: each state has its own band height
 * (running a thin grey line, abnormal states taller) and no data is hatched. FX thread only.
 */
public final class StateTimeline extends Pane {

    static final double HEIGHT = 30;

    private List<StateBand> bands = List.of();
    private Instant from = Instant.EPOCH;
    private Instant to = Instant.EPOCH.plusSeconds(1);

    public StateTimeline() {
        widthProperty().addListener((o, a, b) -> draw());
        getStyleClass().add("state-timeline");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setPrefWidth(560);
    }

    void show(List<StateBand> bands, Instant from, Instant to) {
        this.bands = bands;
        this.from = from;
        this.to = to;
        draw();
    }

    private void draw() {
        getChildren().clear();
        double width = getWidth() > 0 ? getWidth() : getPrefWidth();
        double span = Math.max(1, Duration.between(from, to).toMillis());
        for (StateBand b : bands) {
            double x = width * Duration.between(from, b.from()).toMillis() / span;
            double w = Math.max(1, width * Duration.between(b.from(), b.to()).toMillis() / span);
            double h = height(b.state());
            Rectangle r = new Rectangle(x, HEIGHT - h, w, h);
            r.getStyleClass().add("band-" + (b.state() == null ? "nodata" : b.state().name().toLowerCase(Locale.ROOT)));
            getChildren().add(r);
        }
    }

    private static double height(StationState s) {
        if (s == null) {
            return HEIGHT;
        }
        return switch (s) {
            case RUNNING -> 8;
            case IDLE -> 14;
            case STARVED, BLOCKED -> 22;
            case FAULT, UNKNOWN -> HEIGHT;
        };
    }
}
