package io.lineside.ui.workshop;

import io.lineside.ui.Texts;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The workshop overview: a row of station tiles per line, added as lines and stations report. */
public final class WorkshopView {

    private final WorkshopViewModel model;
    private final Texts texts;

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
        model.lines().addListener((ListChangeListener<LineViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::addLine);
            }
        });
    }

    private void addLine(LineViewModel line) {
        Label name = new Label(line.name());
        name.getStyleClass().add("line-name");
        FlowPane stations = new FlowPane();
        stations.getStyleClass().add("line-stations");
        line.stations().forEach(tile -> stations.getChildren().add(new StationTile(tile, texts)));
        line.stations().addListener((ListChangeListener<StationTileViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(tile -> stations.getChildren().add(new StationTile(tile, texts)));
            }
        });
        VBox row = new VBox(name, stations);
        row.getStyleClass().add("line-row");
        linesBox.getChildren().add(row);
    }
}
