package io.lineside.ui.trend;

import io.lineside.tags.TagPath;
import io.lineside.ui.Disposable;
import io.lineside.ui.Texts;
import io.lineside.ui.Views;
import java.io.File;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.Subscription;

/**
 * The trend pane's controller: toolbar (range presets, Live, add pen, export, progress), the {@link TrendChart}
 * and a legend of pens with remove buttons, bound to {@link TrendViewModel}. FX thread only.
 */
public final class TrendView implements Disposable {

    private static final DateTimeFormatter RANGE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TrendViewModel model;
    private final Texts texts;
    private final ZoneId zone;
    private final TrendChart chart;
    // The model outlives a closed view: released on dispose, so it does not keep the view alive.
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML
    private Label title;
    @FXML
    private Label rangeText;
    @FXML
    private Label message;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private HBox presets;
    @FXML
    private ToggleButton liveButton;
    @FXML
    private MenuButton addPen;
    @FXML
    private Button exportButton;
    @FXML
    private StackPane chartHolder;
    @FXML
    private FlowPane legend;

    public TrendView(TrendViewModel model, Texts texts, ZoneId zone) {
        this.model = model;
        this.texts = texts;
        this.zone = zone;
        this.chart = new TrendChart(zone, texts);
    }

    /** The chart node, e.g. for a screenshot or for moving the cursor in a test. */
    public TrendChart chart() {
        return chart;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(model.titleProperty());
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        busy.visibleProperty().bind(model.busyProperty());
        exportButton.disableProperty().bind(model.dataProperty().isNull());
        liveButton.disableProperty().bind(model.rangeProperty().isNull());
        subscriptions = subscriptions.and(model.liveProperty().subscribe((old, live) -> liveButton.setSelected(live)))
                .and(model.rangeProperty().subscribe((old, range) -> rangeText.setText(describe(range))));
        for (Duration span : TrendViewModel.PRESETS) {
            Button b = new Button(texts.get("trend.range." + span));
            b.getStyleClass().add("trend-preset");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.disableProperty().bind(model.rangeProperty().isNull());
            b.setOnAction(e -> model.preset(span));
            presets.getChildren().add(b);
        }
        chartHolder.getChildren().add(chart);
        chart.setOnZoom(model::zoom);
        chart.setOnPan(model::pan);
        chart.setOnSelect(model::zoomTo);
        chart.plotWidthProperty().addListener((obs, old, w) -> {
            if (chart.getScene() != null) { // a view taken off screen must not fight the shown one over the width
                model.setWidth(w.intValue());
            }
        });
        subscriptions = subscriptions.and(model.dataProperty().subscribe((old, data) -> show(data)))
                .and(Views.onChange(model.pens(), c -> rebuildLegend()))
                .and(Views.onChange(model.candidates(), c -> rebuildCandidates()));
        chart.paletteProperty().addListener((obs, old, colours) -> rebuildLegend());
        // A view loaded later (e.g. in a window of its own) starts from what the model already shows.
        chart.setData(model.dataProperty().get());
        rangeText.setText(describe(model.rangeProperty().get()));
        liveButton.setSelected(model.liveProperty().get());
        rebuildLegend();
        rebuildCandidates();
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private void show(TrendData data) {
        chart.setData(data);
    }

    private String describe(TrendRange range) {
        if (range == null) {
            return "";
        }
        return RANGE.format(range.from().atZone(zone)) + " \u2013 " + RANGE.format(range.to().atZone(zone));
    }

    private void rebuildLegend() {
        legend.getChildren().clear();
        for (int i = 0; i < model.pens().size(); i++) {
            TrendPen pen = model.pens().get(i);
            Region swatch = new Region();
            swatch.getStyleClass().add("trend-swatch");
            swatch.setStyle("-fx-background-color: " + web(chart.paletteProperty().get().pen(i)));
            Label label = new Label(pen.label() + (pen.unit().isEmpty() ? "" : " (" + pen.unit() + ")"));
            Button remove = new Button("\u00d7");
            remove.getStyleClass().add("trend-remove");
            remove.setTooltip(new Tooltip(texts.get("trend.removePen", pen.path())));
            remove.setOnAction(e -> model.removePen(pen.path()));
            HBox item = new HBox(4, swatch, label, remove);
            item.getStyleClass().add("trend-legend-item");
            legend.getChildren().add(item);
        }
    }

    private void rebuildCandidates() {
        addPen.getItems().clear();
        for (TagPath path : model.candidates()) {
            MenuItem item = new MenuItem(path.station() + " / " + path.signal());
            item.setOnAction(e -> model.addPen(path));
            addPen.getItems().add(item);
        }
        addPen.setDisable(addPen.getItems().isEmpty());
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    @FXML
    private void goLive() {
        model.goLive();
        liveButton.setSelected(model.liveProperty().get());
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("trend.export"));
        chooser.setInitialFileName("trend.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(chart.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath());
        }
    }
}
