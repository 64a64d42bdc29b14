package io.lineside.ui.workshop;

import io.lineside.ui.Disposable;
import io.lineside.ui.Texts;
import io.lineside.ui.Views;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The workshop overview: a row of station tiles per line, added as lines and stations report. */
public final class WorkshopView implements Disposable {

    private final WorkshopViewModel model;
    private final Texts texts;
    /** One per line list, station list and tile: a plant has hundreds, so a list, not a chain of {@code and}. */
    private final List<Subscription> subscriptions = new ArrayList<>();

    @FXML
    private VBox linesBox;
    @FXML
    private Label emptyHint;

    public WorkshopView(WorkshopViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        emptyHint.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.lines()));
        emptyHint.managedProperty().bind(emptyHint.visibleProperty());
        model.lines().forEach(this::addLine);
        subscriptions.add(Views.onChange(model.lines(), (ListChangeListener<LineViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::addLine);
            }
        }));
    }

    /** Detaches the rows and their tiles from the (longer-lived) view-models. */
    @Override
    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }

    private void addLine(LineViewModel line) {
        Label name = new Label(line.name());
        name.getStyleClass().add("line-name");
        FlowPane stations = new FlowPane();
        stations.getStyleClass().add("line-stations");
        line.stations().forEach(tile -> add(stations, tile));
        subscriptions.add(Views.onChange(line.stations(),
                (ListChangeListener<StationTileViewModel>) change -> {
                    while (change.next()) {
                        change.getAddedSubList().forEach(tile -> add(stations, tile));
                    }
                }));
        VBox row = new VBox(name, stations);
        row.getStyleClass().add("line-row");
        linesBox.getChildren().add(row);
    }

    private void add(FlowPane stations, StationTileViewModel model) {
        StationTile tile = new StationTile(model, texts);
        stations.getChildren().add(tile);
        subscriptions.add(tile::dispose);
    }
}
