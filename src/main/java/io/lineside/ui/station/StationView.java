package io.lineside.ui.station;

import io.lineside.tags.StationState;
import io.lineside.ui.alarms.AlarmRow;
import io.lineside.ui.workshop.StationTile;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The station faceplate's controller: binds bars, timeline, mini-trends and alarms to {@link StationViewModel}. */
public final class StationView {

    private final StationViewModel model;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final List<AnalogBar> bars = new ArrayList<>();
    private final java.util.Map<String, Sparkline> sparklines = new java.util.HashMap<>();

    @FXML
    private VBox faceplate;
    @FXML
    private Label title;
    @FXML
    private Label state;
    @FXML
    private Label count;
    @FXML
    private GridPane values;
    @FXML
    private GridPane trends;
    @FXML
    private StateTimeline timeline;
    @FXML
    private Label timelineFrom;
    @FXML
    private Label timelineTo;
    @FXML
    private Label historyMessage;
    @FXML
    private ListView<AlarmRow> alarms;
    @FXML
    private Label noAlarms;

    public StationView(StationViewModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone());
    }

    @FXML
    private javafx.scene.control.Button faceplateTrendButton;

    @FXML
    private void initialize() {
        title.setText(model.title());
        faceplateTrendButton.setVisible(model.canOpenTrend());
        faceplateTrendButton.setManaged(model.canOpenTrend());
        state.textProperty().bind(model.stateTextProperty());
        count.textProperty().bind(model.countTextProperty());
        showState(model.stateProperty().get());
        model.stateProperty().addListener((o, old, now) -> showState(now));
        if (model.commands() != null && !model.commands().rows().isEmpty()) {
            faceplate.getChildren().add(2, new CommandControls(model.commands(), model.commands().texts()));
        }
        model.gauges().forEach(this::addGauge);
        model.gauges().addListener((ListChangeListener<GaugeViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::addGauge);
            }
        });
        model.timelineProperty().addListener((o, old, bands) -> {
            if (!bands.isEmpty()) {
                Instant from = bands.getFirst().from();
                Instant to = bands.getLast().to();
                timelineFrom.setText(time.format(from));
                timelineTo.setText(time.format(to));
                timeline.show(bands, from, to);
            }
        });
        model.trendsProperty().addListener((o, old, data) -> {
            sparklines.forEach((signal, spark) -> spark.show(data.get(signal)));
        });
        historyMessage.textProperty().bind(model.historyMessageProperty());
        historyMessage.visibleProperty().bind(historyMessage.textProperty().isNotEmpty());
        historyMessage.managedProperty().bind(historyMessage.visibleProperty());
        alarms.setItems(model.alarms());
        alarms.setCellFactory(list -> new AlarmCell(model::guidance));
        noAlarms.visibleProperty().bind(Bindings.isEmpty(model.alarms()));
        noAlarms.managedProperty().bind(noAlarms.visibleProperty());
        alarms.visibleProperty().bind(noAlarms.visibleProperty().not());
        alarms.managedProperty().bind(alarms.visibleProperty());
    }

    @FXML
    private void openTrend() {
        model.openTrend();
    }

    @FXML
    private void openDiagnostics() {
        model.openDiagnostics();
    }

    private void addGauge(GaugeViewModel g) {
        int row = bars.size();
        Label name = new Label(g.label());
        name.getStyleClass().add("gauge-name");
        AnalogBar bar = new AnalogBar(g);
        bar.setId("gauge-" + g.signal());
        bar.setVisible(g.bar()); // no range and no limits: a plain value, never a made-up scale
        Label value = new Label();
        value.getStyleClass().add("gauge-value");
        value.setId("value-" + g.signal());
        value.textProperty().bind(g.valueTextProperty());
        Label unit = new Label(g.unit());
        unit.getStyleClass().add("gauge-unit");
        Label quality = new Label();
        quality.getStyleClass().add("gauge-quality");
        quality.textProperty().bind(g.qualityTextProperty());
        g.qualityProperty().addListener((o, old, q) -> markQuality(quality, q));
        markQuality(quality, g.qualityProperty().get());
        Label range = new Label();
        range.getStyleClass().add("gauge-range");
        range.textProperty().bind(g.rangeTextProperty());
        for (Label l : List.of(name, value, unit, quality)) { // the bar gives way, never a name or value ("…")
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        values.addRow(row * 2, name, bar, new HBox(4, value, unit), quality);
        values.add(range, 1, row * 2 + 1);
        bars.add(bar);
        if (g.description().kind() != io.lineside.stations.SignalKind.ANALOG) {
            return; // text, states and switches have no mini-trend
        }
        Sparkline spark = new Sparkline();
        spark.setId("spark-" + g.signal());
        Label sparkName = new Label(g.label() + (g.unit().isEmpty() ? "" : " (" + g.unit() + ")"));
        sparkName.getStyleClass().add("gauge-name");
        sparkName.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        trends.addRow(sparklines.size(), sparkName, spark);
        sparklines.put(g.signal(), spark);
        spark.show(model.trendsProperty().get().get(g.signal()));
    }

    private static void markQuality(Label label, io.lineside.tags.Quality q) {
        label.getStyleClass().removeIf(c -> c.startsWith("quality-"));
        label.getStyleClass().add("quality-" + q.name().toLowerCase(Locale.ROOT));
    }

    private void showState(StationState s) {
        faceplate.getStyleClass().removeIf(c -> c.startsWith("state-"));
        faceplate.getStyleClass().add("state-" + s.name().toLowerCase(Locale.ROOT));
        state.setGraphic(StationTile.symbol(s));
    }

    /** Detaches from the view-model. */
    public void dispose() {
        bars.forEach(AnalogBar::dispose);
        model.dispose();
    }

    /** An alarm as one line (priority shape and word, time, message, value, state) and its guidance under it. */
    private static final class AlarmCell extends ListCell<AlarmRow> {
        private final java.util.function.Function<AlarmRow, String> guidance;
        private final Label line = new Label();
        private final Label advice = new Label();
        private final VBox box = new VBox(2, line, advice);

        AlarmCell(java.util.function.Function<AlarmRow, String> guidance) {
            this.guidance = guidance;
            advice.setWrapText(true);
            advice.getStyleClass().add("station-alarm-guidance");
            line.setWrapText(true);
            box.maxWidthProperty().bind(widthProperty().subtract(24));
            setPrefWidth(0); // the list's width, not the text's: the guidance wraps instead of scrolling sideways
        }

        @Override
        protected void updateItem(AlarmRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(c -> c.startsWith("alarm-row-"));
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            line.setText(row.priority() + "   " + row.time() + "   " + row.message() + "   " + row.value() + "   "
                    + row.state());
            advice.setText(guidance.apply(row));
            setGraphic(box);
            getStyleClass().add("alarm-row-" + row.alarm().priority().name().toLowerCase(Locale.ROOT));
        }
    }
}
