package io.lineside.ui.plant;

import io.lineside.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/** The plant overview's controller: a tile per line, added as lines report. FX thread only. */
public final class PlantView {

    private final PlantViewModel model;
    private final Texts texts;
    private final ListChangeListener<LineTileViewModel> added = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::add);
        }
    };

    @FXML
    private FlowPane tiles;
    @FXML
    private Label emptyHint;
    @FXML
    private Label note;

    public PlantView(PlantViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        emptyHint.visibleProperty().bind(Bindings.isEmpty(model.lines()));
        emptyHint.managedProperty().bind(emptyHint.visibleProperty());
        note.setText(texts.get("plant.note"));
        model.lines().forEach(this::add);
        model.lines().addListener(added);
    }

    private void add(LineTileViewModel line) {
        tiles.getChildren().add(new LineTile(line, texts));
    }

    /** Detaches the tiles from their view-models. */
    public void dispose() {
        model.lines().removeListener(added);
        tiles.getChildren().forEach(n -> ((LineTile) n).dispose());
    }
}
