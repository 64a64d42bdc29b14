package io.lineside.ui.shell;

import io.lineside.telemetry.ConnectionState;
import io.lineside.ui.Disposable;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Subscription;

/** The window frame's controller: binds the header and status bar to {@link MainViewModel}. */
public final class MainView implements Disposable {

    private final MainViewModel model;
    private Subscription subscriptions = Subscription.EMPTY;

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
        subscriptions = Subscription.combine(
                model.connectionStateProperty().subscribe(this::showConnection),
                model.historyDelayedProperty().subscribe((old, delayed) -> {
                    historyText.getStyleClass().remove("history-delayed");
                    if (delayed) {
                        historyText.getStyleClass().add("history-delayed");
                    }
                }));
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
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
