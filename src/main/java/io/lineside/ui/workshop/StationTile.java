package io.lineside.ui.workshop;

import io.lineside.tags.Quality;
import io.lineside.tags.StationState;
import io.lineside.ui.Texts;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * A station tile. ISA-101 style: grey when normal, colour only for abnormal states, and never colour
 * alone: each state has its own symbol and word; a STALE or BAD tile is outlined dashed and says so.
 *
 * <p>The texts sit in an unmanaged box, a layout root: a value changing five times a second re-lays out only
 * this tile's content, never the line's flow pane and the 500 tiles around it. The tile's own size follows that
 * content's preferred size, measured when the tile itself is invalidated (style class, insets), not per value.
 */
public final class StationTile extends Region {

    private final StationTileViewModel model;
    private final VBox content = new VBox();
    private final Label state = new Label();
    private final ChangeListener<StationState> stateListener = (obs, old, now) -> showState(now);
    private final ChangeListener<Quality> qualityListener = (obs, old, now) -> showQuality(old, now);

    public StationTile(StationTileViewModel model, Texts texts) {
        this.model = model;
        getStyleClass().add("station-tile");
        setId("tile-" + model.id().line() + "-" + model.name());
        Label name = new Label(model.name());
        name.getStyleClass().add("tile-name");
        state.getStyleClass().add("tile-state");
        state.textProperty().bind(model.stateTextProperty());
        GridPane values = new GridPane();
        values.getStyleClass().add("tile-values");
        addRow(values, 0, model, Field.FIRST);
        addRow(values, 1, model, Field.SECOND);
        addRow(values, 2, model, Field.COUNT);
        Label quality = new Label();
        quality.getStyleClass().add("tile-quality");
        quality.textProperty().bind(model.qualityTextProperty());
        content.getStyleClass().add("tile-content");
        content.setManaged(false);
        content.getChildren().addAll(name, state, values, quality);
        getChildren().add(content);
        model.stateProperty().addListener(stateListener);
        model.qualityProperty().addListener(qualityListener);
        showState(model.stateProperty().get());
        showQuality(null, model.qualityProperty().get());
        setOnMouseClicked(e -> model.openRequested());
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        content.resizeRelocate(in.getLeft(), in.getTop(), getWidth() - in.getLeft() - in.getRight(),
                getHeight() - in.getTop() - in.getBottom());
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + content.prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        // Nothing on a tile wraps, so the width does not matter, and -1 lets the content cache its height.
        return in.getTop() + content.prefHeight(-1) + in.getBottom();
    }

    /** The tile's three value rows: the station model's two key values and its part counter. */
    private enum Field { FIRST, SECOND, COUNT }

    private static void addRow(GridPane grid, int row, StationTileViewModel model, Field field) {
        Label caption = new Label();
        caption.getStyleClass().add("tile-caption");
        caption.textProperty().bind(switch (field) {
            case FIRST -> model.firstLabelProperty();
            case SECOND -> model.secondLabelProperty();
            case COUNT -> model.countLabelProperty();
        });
        Label value = new Label();
        value.getStyleClass().add("tile-value");
        value.textProperty().bind(switch (field) {
            case FIRST -> model.firstTextProperty();
            case SECOND -> model.secondTextProperty();
            case COUNT -> model.countTextProperty();
        });
        Label units = new Label();
        units.getStyleClass().add("tile-unit");
        switch (field) { // the station model's unit
            case FIRST -> units.textProperty().bind(model.firstUnitProperty());
            case SECOND -> units.textProperty().bind(model.secondUnitProperty());
            case COUNT -> { }
        }
        grid.addRow(row, caption, value, units);
    }

    private void showState(StationState now) {
        getStyleClass().removeIf(c -> c.startsWith("state-"));
        getStyleClass().add("state-" + now.name().toLowerCase(java.util.Locale.ROOT));
        state.setGraphic(symbol(now));
    }

    private void showQuality(Quality old, Quality now) {
        if (old != null) {
            getStyleClass().remove("quality-" + old.name().toLowerCase(java.util.Locale.ROOT));
        }
        getStyleClass().add("quality-" + now.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** A distinct shape per state, so the state reads without colour. */
    public static Shape symbol(StationState s) {
        Shape shape = switch (s) {
            case RUNNING -> new Circle(5);
            case IDLE -> new Rectangle(9, 9);
            case BLOCKED, STARVED -> new Polygon(5, 0, 10, 5, 5, 10, 0, 5);
            case FAULT -> new Polygon(6, 0, 12, 11, 0, 11);
            case UNKNOWN -> new Rectangle(10, 2);
        };
        shape.getStyleClass().add("state-symbol");
        return shape;
    }

    /** Detaches from the view-model so a closed view can be collected. */
    public void dispose() {
        model.stateProperty().removeListener(stateListener);
        model.qualityProperty().removeListener(qualityListener);
    }
}
