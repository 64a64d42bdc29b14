package io.lineside.ui.alarms;

import io.lineside.alarms.Priority;
import io.lineside.ui.Disposable;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.util.Subscription;

/** The alarm banner's controller: binds the strip to {@link AlarmBannerViewModel}. FX thread only. */
public final class AlarmBannerView implements Disposable {

    private final AlarmBannerViewModel model;
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML
    private Pane banner;
    @FXML
    private Label priority;
    @FXML
    private Label text;
    @FXML
    private Label flood;
    @FXML
    private Label uncertain;
    @FXML
    private Label hidden;
    @FXML
    private Label counts;
    @FXML
    private Label audio;
    @FXML
    private Button silence;

    public AlarmBannerView(AlarmBannerViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        text.textProperty().bind(model.textProperty());
        text.setOnMouseClicked(e -> model.openShownStation());
        counts.textProperty().bind(model.countsTextProperty());
        uncertain.textProperty().bind(model.uncertainTextProperty());
        hidden.textProperty().bind(model.hiddenTextProperty());
        audio.textProperty().bind(model.audioTextProperty());
        for (Label optional : new Label[] {uncertain, hidden, audio}) {
            optional.visibleProperty().bind(optional.textProperty().isNotEmpty());
            optional.managedProperty().bind(optional.visibleProperty());
        }
        flood.visibleProperty().bind(model.floodProperty());
        flood.managedProperty().bind(flood.visibleProperty());
        silence.disableProperty().bind(model.annunciatingProperty().not());
        subscriptions = Subscription.combine(
                model.priorityProperty().subscribe(this::showPriority),
                model.flashOnProperty().subscribe((old, on) -> {
                    banner.getStyleClass().remove("flash");
                    if (on) {
                        banner.getStyleClass().add("flash");
                    }
                }));
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    @FXML
    private void silence() {
        model.silence();
    }

    private void showPriority(Priority p) {
        banner.getStyleClass().removeIf(c -> c.startsWith("priority-"));
        banner.getStyleClass().add("priority-" + (p == null ? "none" : p.name().toLowerCase(Locale.ROOT)));
        priority.setText((p == null ? "" : AlarmSummaryViewModel.symbol(p) + " ") + model.priorityTextProperty().get());
    }
}
