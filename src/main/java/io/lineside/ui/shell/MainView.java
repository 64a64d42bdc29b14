package io.lineside.ui.shell;

import io.lineside.telemetry.ConnectionState;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The window frame's controller: binds the header and status bar to {@link MainViewModel}. */
public final class MainView {

    private final MainViewModel model;

    @FXML
    private Label title;
    @FXML
    private Label zoneText;
    @FXML
    private HBox connectionBox;
    @FXML
    private Label connectionText;
    @FXML
    private Label connectionDetail;
    @FXML
    private Label ingestText;
    @FXML
    private Label historyText;
    @FXML
    private Label alarmDelayedText;
    @FXML
    private Label dataDirText;

    public MainView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        title.setText(model.title());
        zoneText.setText(model.zoneText());
        dataDirText.setText(model.dataDirText());
        connectionText.textProperty().bind(model.connectionTextProperty());
        connectionDetail.textProperty().bind(model.connectionDetailProperty());
        ingestText.textProperty().bind(model.ingestTextProperty());
        historyText.textProperty().bind(model.historyTextProperty());
        alarmDelayedText.textProperty().bind(model.alarmDelayedTextProperty());
        alarmDelayedText.visibleProperty().bind(model.alarmDelayedTextProperty().isNotEmpty());
        alarmDelayedText.managedProperty().bind(alarmDelayedText.visibleProperty());
        showConnection(model.connectionStateProperty().get());
        model.connectionStateProperty().addListener((obs, old, now) -> showConnection(now));
        model.historyDelayedProperty().addListener((obs, old, delayed) -> {
            historyText.getStyleClass().remove("history-delayed");
            if (delayed) {
                historyText.getStyleClass().add("history-delayed");
            }
        });
    }

    @FXML
    private void openReview() {
        model.openReview();
    }

    @FXML
    private void openDiagnostics() {
        model.openDiagnostics();
    }

    private void showConnection(ConnectionState state) {
        connectionBox.getStyleClass().removeAll("online", "offline", "connecting");
        connectionBox.getStyleClass().add(state.name().toLowerCase(Locale.ROOT));
    }
}
