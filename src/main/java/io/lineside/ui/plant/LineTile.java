package io.lineside.ui.plant;

import io.lineside.alarms.Priority;
import io.lineside.tags.StationState;
import io.lineside.ui.Texts;
import io.lineside.ui.workshop.StationTile;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A line's summary tile. ISA-101: grey when normal; the worst state shows as shape and word, alarms as the
 * priority's shape, count and word; colour only for abnormal, never alone. FX thread only.
 */
final class LineTile extends VBox {

    private final LineTileViewModel model;
    private final Label state = new Label();
    private final Label alarms = new Label();
    private final ChangeListener<StationState> stateListener = (o, old, now) -> showState(now);
    private final ChangeListener<Priority> alarmListener = (o, old, now) -> showAlarm(now);

    LineTile(LineTileViewModel model, Texts texts) {
        this.model = model;
        getStyleClass().add("line-tile");
        setId("line-" + model.id().line());
        Label name = new Label(model.name());
        name.getStyleClass().add("line-tile-name");
        Label stations = new Label();
        stations.getStyleClass().add("line-tile-caption");
        stations.textProperty().bind(model.stationsTextProperty());
        state.getStyleClass().add("line-tile-state");
        state.setWrapText(true); // "Stale (3 stations) · last Running" must never be cut off
        state.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        state.textProperty().bind(model.stateTextProperty());
        Label outputCaption = caption(texts.get("plant.output"));
        Label output = new Label();
        output.getStyleClass().add("line-tile-value");
        output.textProperty().bind(model.outputTextProperty());
        Label percent = new Label();
        percent.getStyleClass().add("line-tile-caption");
        percent.textProperty().bind(model.outputPercentTextProperty());
        alarms.getStyleClass().add("line-tile-alarms");
        alarms.textProperty().bind(model.alarmsTextProperty());
        getChildren().addAll(name, stations, state, outputCaption, output, percent, caption(texts.get("plant.alarms")),
                alarms);
        model.stateProperty().addListener(stateListener);
        model.alarmPriorityProperty().addListener(alarmListener);
        showState(model.stateProperty().get());
        showAlarm(model.alarmPriorityProperty().get());
        setOnMouseClicked(e -> model.open());
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("line-tile-caption");
        return l;
    }

    private void showState(StationState now) {
        getStyleClass().removeIf(c -> c.startsWith("state-"));
        getStyleClass().add("state-" + now.name().toLowerCase(Locale.ROOT));
        state.setGraphic(StationTile.symbol(now));
    }

    private void showAlarm(Priority p) {
        getStyleClass().removeIf(c -> c.startsWith("alarm-"));
        getStyleClass().add("alarm-" + (p == null ? "none" : p.name().toLowerCase(Locale.ROOT)));
    }

    void dispose() {
        model.stateProperty().removeListener(stateListener);
        model.alarmPriorityProperty().removeListener(alarmListener);
    }
}
