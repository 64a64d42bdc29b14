package io.lineside.ui.diagnostics;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;

/** The ingest diagnostics window's controller: binds to {@link DiagnosticsViewModel}; the inspector tab has its own. */
public final class DiagnosticsView {

    private final DiagnosticsViewModel model;

    @FXML
    private Label counters;
    @FXML
    private TextArea lastBad;
    @FXML
    private ListView<String> unknownTopics;
    @FXML
    private Tab inspectorTab;
    @FXML
    private InspectorView inspectorController;

    public DiagnosticsView(DiagnosticsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        counters.textProperty().bind(model.countersProperty());
        lastBad.textProperty().bind(model.lastBadProperty());
        unknownTopics.setItems(model.unknownTopics());
        inspectorController.showWhile(inspectorTab.selectedProperty());
    }
}
