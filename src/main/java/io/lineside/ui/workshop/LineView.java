package io.lineside.ui.workshop;

import io.lineside.ui.Texts;
import io.lineside.ui.nav.LineId;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * One line's station tiles (ISA-101 level 2 until the floor plan replaces it), over the window's
 * {@link WorkshopViewModel}: the tiles are already live when the operator arrives. FX thread only.
 */
public final class LineView {

    private final WorkshopViewModel model;
    private final LineId line;
    private final Texts texts;
    private LineViewModel shown;
    private final ListChangeListener<LineViewModel> linesListener = c -> findLine();
    private final ListChangeListener<StationTileViewModel> stationsListener = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::add);
        }
    };

    @FXML
    private Label title;
    @FXML
    private Label emptyHint;
    @FXML
    private FlowPane stations;

    public LineView(WorkshopViewModel model, LineId line, Texts texts) {
        this.model = model;
        this.line = line;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        title.setText(line.displayName());
        model.lines().addListener(linesListener);
        findLine();
    }

    private void findLine() {
        if (shown != null) {
            return;
        }
        for (LineViewModel l : model.lines()) {
            if (l.id().equals(line)) {
                shown = l;
                model.lines().removeListener(linesListener);
                emptyHint.setVisible(false);
                emptyHint.setManaged(false);
                l.stations().forEach(this::add);
                l.stations().addListener(stationsListener);
                return;
            }
        }
    }

    private void add(StationTileViewModel tile) {
        stations.getChildren().add(new StationTile(tile, texts));
    }

    /** Detaches the tiles from the (longer-lived) view-models. */
    public void dispose() {
        model.lines().removeListener(linesListener);
        if (shown != null) {
            shown.stations().removeListener(stationsListener);
        }
        stations.getChildren().forEach(n -> ((StationTile) n).dispose());
    }
}
