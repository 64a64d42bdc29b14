package io.lineside.ui.replay;

import io.lineside.replay.ReplayMark;
import io.lineside.replay.ReplaySource;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The replay's timeline bar: the window's alarms (tall red marks), operator actions (blue), returns to normal
 * (green), station state changes and quality changes (short grey and amber ticks) and lost links (a black band
 * start), with the cursor over them. Press or drag to move the cursor. FX thread only.
 */
final class ReplayTimeline extends Region {

    private final Canvas canvas = new Canvas();
    private final Consumer<Instant> onSeek;
    private ReplaySource source;
    private Instant cursor;

    ReplayTimeline(Consumer<Instant> onSeek) {
        this.onSeek = onSeek;
        getStyleClass().add("replay-timeline");
        getChildren().add(canvas);
        setMinHeight(44);
        setPrefHeight(44);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::seek);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::seek);
    }

    void setSource(ReplaySource source) {
        this.source = source;
        draw();
    }

    void setCursor(Instant cursor) {
        this.cursor = cursor;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void seek(MouseEvent e) {
        if (source != null && canvas.getWidth() > 0) {
            double f = Math.clamp(e.getX() / canvas.getWidth(), 0, 1);
            long span = source.to().toEpochMilli() - source.from().toEpochMilli();
            onSeek.accept(source.from().plusMillis(Math.round(f * span)));
        }
    }

    private double x(Instant t) {
        long span = Math.max(1, source.to().toEpochMilli() - source.from().toEpochMilli());
        return (t.toEpochMilli() - source.from().toEpochMilli()) * canvas.getWidth() / span;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.web("#d8d8d8"));
        g.fillRect(0, h * 0.35, w, h * 0.3);
        if (source == null) {
            return;
        }
        for (ReplayMark m : source.marks()) {
            double x = Math.floor(x(m.time())) + 0.5;
            switch (m.kind()) {
                case ALARM -> mark(g, x, 0, h, Color.web("#c62828"), 2);
                case OPERATOR -> mark(g, x, h * 0.15, h * 0.85, Color.web("#1565c0"), 1.5);
                case RETURN -> mark(g, x, h * 0.25, h * 0.75, Color.web("#2e7d32"), 1.5);
                case STATE -> mark(g, x, h * 0.35, h * 0.65, Color.web("#616161"), 1);
                case QUALITY -> mark(g, x, h * 0.4, h * 0.6, Color.web("#e6a100"), 1);
                case LINK_LOST -> mark(g, x, 0, h, Color.BLACK, 3);
            }
        }
        if (cursor != null) {
            double x = Math.floor(x(cursor)) + 0.5;
            g.setStroke(Color.web("#ff6f00"));
            g.setLineWidth(3);
            g.strokeLine(x, 0, x, h);
        }
    }

    private static void mark(GraphicsContext g, double x, double top, double bottom, Color color, double width) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.strokeLine(x, top, x, bottom);
    }
}
