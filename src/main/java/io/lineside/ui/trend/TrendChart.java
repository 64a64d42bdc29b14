package io.lineside.ui.trend;

import io.lineside.ui.Texts;
import java.time.ZoneId;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * A trend chart drawn on one canvas (no scene-graph node per point, so 50 pens cost one draw). It paints when its
 * data, size or cursor changed, at most once per pulse. Interactive charts turn the mouse into requests: wheel =
 * zoom around the cursor, drag = pan, right-drag or Shift+drag = box zoom; the owner applies them (usually
 * {@link TrendViewModel}) and sets new data. {@link #mini} makes a small non-interactive variant (faceplates).
 *
 * <p>Its {@link #plotWidthProperty() plot width} is the number of buckets worth querying. FX thread only.
 */
public final class TrendChart extends Region {

    /** Zoom request: {@code factor} below 1 zooms in around {@code anchor} (0 = left edge, 1 = right edge). */
    @FunctionalInterface
    public interface ZoomHandler {
        void zoom(double anchor, double factor);
    }

    /** Box request: the positions (0..1) between which the operator dragged. */
    @FunctionalInterface
    public interface SelectHandler {
        void select(double from, double to);
    }

    /** Pan request: the fraction of the width to move (positive = later). */
    @FunctionalInterface
    public interface PanHandler {
        void pan(double fraction);
    }

    private static final double WHEEL_STEP = 1.25;

    private final Canvas canvas = new Canvas();
    /** Cursor and box selection, so moving the mouse does not repaint the pens. */
    private final Canvas overlay = new Canvas();
    private final TrendPainter painter;
    private final ReadOnlyIntegerWrapper plotWidth = new ReadOnlyIntegerWrapper();
    private final Runnable pulseListener = this::paintIfDirty;
    private final TrendColours colours = new TrendColours();
    private final ReadOnlyObjectWrapper<TrendColours.Palette> palette = new ReadOnlyObjectWrapper<>(TrendColours.DAY);
    private TrendData data;
    private List<PenAxes.Axis> axes = List.of();
    private boolean[][] breaks = new boolean[0][];
    private boolean dirty = true;
    private boolean pensDirty = true;
    private boolean overlayDirty = true;
    private double cursorX = Double.NaN;
    private double pressX = Double.NaN;
    private double dragX = Double.NaN;
    private boolean selecting;
    private double shift;
    private ZoomHandler onZoom = (a, f) -> { };
    private PanHandler onPan = f -> { };
    private SelectHandler onSelect = (a, b) -> { };

    public TrendChart(ZoneId zone, Texts texts) {
        this(zone, texts, false);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> cursor(e.getX()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> cursor(Double.NaN));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    private TrendChart(ZoneId zone, Texts texts, boolean compact) {
        painter = new TrendPainter(zone, texts, compact);
        getStyleClass().add("trend-canvas");
        overlay.setMouseTransparent(true);
        getChildren().addAll(canvas, overlay);
        getChildren().addAll(colours.probes());
        // A theme switch restyles the probes without asking for a layout; a trend that gets no new data (history,
        // not Live) would keep the old colours: re-read them when CSS changes a probe.
        colours.probes().forEach(p -> p.backgroundProperty().addListener((obs, was, now) -> requestLayout()));
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(pulseListener);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(pulseListener);
            }
        });
    }

    /** A small chart without axes, labels, cursor or mouse handling, e.g. a faceplate's mini-trend. */
    public static TrendChart mini(ZoneId zone, Texts texts) {
        return new TrendChart(zone, texts, true);
    }

    /** Width of the plot area in pixels: query this many buckets. */
    public ReadOnlyIntegerProperty plotWidthProperty() {
        return plotWidth.getReadOnlyProperty();
    }

    /** Shows {@code newData} (null clears); ends a pan in progress, since the new window includes it. */
    public void setData(TrendData newData) {
        data = newData;
        axes = newData == null ? List.of() : PenAxes.of(newData, TrendViewModel.MAX_OWN_AXES, 5);
        breaks = new boolean[newData == null ? 0 : newData.pens().size()][];
        for (int pen = 0; pen < breaks.length; pen++) {
            breaks[pen] = TrendSegments.breaks(newData.buckets().get(pen), newData.gaps().get(pen));
        }
        shift = 0;
        pensDirty = true;
        invalidate();
        requestLayout(); // the axis count may change the plot width
    }

    /** The colours in use, as the stylesheet gives them (the legend's swatches follow them). */
    ReadOnlyObjectProperty<TrendColours.Palette> paletteProperty() {
        return palette.getReadOnlyProperty();
    }

    public TrendData getData() {
        return data;
    }

    public void setOnZoom(ZoomHandler handler) {
        onZoom = handler;
    }

    public void setOnPan(PanHandler handler) {
        onPan = handler;
    }

    public void setOnSelect(SelectHandler handler) {
        onSelect = handler;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            dirty = true;
            pensDirty = true;
        }
        TrendColours.Palette styled = colours.read(); // CSS has run: a theme switch shows up here
        if (!styled.equals(palette.get())) {
            palette.set(styled);
            painter.setColours(styled);
            dirty = true;
            pensDirty = true;
            overlayDirty = true;
        }
        plotWidth.set((int) Math.floor(painter.plot(w, h, axes.size()).width()));
        paintIfDirty();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    private void invalidate() {
        dirty = true;
        overlayDirty = true;
        if (getScene() != null) {
            Platform.requestNextPulse();
        }
    }

    private void paintIfDirty() {
        if (canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            return;
        }
        if (dirty) {
            painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), data, axes, breaks,
                    shift, pensDirty);
            dirty = false;
            pensDirty = false;
        }
        if (overlayDirty) {
            double selectFrom = selecting ? pressX : Double.NaN;
            painter.paintOverlay(overlay.getGraphicsContext2D(), overlay.getWidth(), overlay.getHeight(), data, axes,
                    shift, cursorX, selectFrom, dragX);
            overlayDirty = false;
        }
    }

    private void invalidateOverlay() {
        overlayDirty = true;
        if (getScene() != null) {
            Platform.requestNextPulse();
        }
    }

    private TrendPainter.Plot plot() {
        return painter.plot(canvas.getWidth(), canvas.getHeight(), axes.size());
    }

    private void cursor(double x) {
        cursorX = x;
        invalidateOverlay();
    }

    private void pressed(MouseEvent e) {
        pressX = e.getX();
        dragX = e.getX();
        selecting = e.getButton() == MouseButton.SECONDARY || e.isShiftDown();
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        dragX = e.getX();
        cursorX = e.getX();
        if (selecting) {
            invalidateOverlay();
        } else {
            shift = dragX - pressX;
            pensDirty = true;
            invalidate();
        }
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        TrendPainter.Plot p = plot();
        double dx = e.getX() - pressX;
        if (selecting && Math.abs(dx) > 4) {
            onSelect.select((pressX - p.left()) / p.width(), (e.getX() - p.left()) / p.width());
        } else if (!selecting && Math.abs(dx) > 2 && data != null) {
            onPan.pan(-dx / p.width()); // the picture keeps its shift until the new data replaces it
        } else if (shift != 0) {
            shift = 0;
            pensDirty = true;
        }
        selecting = false;
        pressX = Double.NaN;
        dragX = Double.NaN;
        invalidate();
    }

    private void scrolled(ScrollEvent e) {
        TrendPainter.Plot p = plot();
        if (e.getDeltaY() == 0 || data == null) {
            return;
        }
        double anchor = Math.clamp((e.getX() - p.left()) / p.width(), 0, 1);
        onZoom.zoom(anchor, e.getDeltaY() > 0 ? 1 / WHEEL_STEP : WHEEL_STEP);
        e.consume();
    }

    /** Lays out and paints now if anything changed, as the next pulse would: for snapshots and benches. */
    public void paintNow() {
        layout();
        paintIfDirty();
    }

}
