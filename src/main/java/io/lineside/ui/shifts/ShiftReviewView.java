package io.lineside.ui.shifts;

import io.lineside.shifts.CounterIncrease;
import io.lineside.shifts.ShiftReport;
import io.lineside.ui.Disposable;
import io.lineside.ui.Texts;
import io.lineside.ui.shifts.ShiftReviewViewModel.StationRow;
import io.lineside.ui.shifts.ShiftReviewViewModel.StopRow;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.util.Subscription;

/** The shift review tab's controller: bindings to {@link ShiftReviewViewModel} and the two charts. */
public final class ShiftReviewView implements Disposable {

    /** Asks where to save: (suggested file name) → chosen path, or null when cancelled. */
    public interface SaveAs extends Function<String, Path> {
    }

    private final ShiftReviewViewModel model;
    private final Texts texts;
    private final SaveAs saveAs;
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML private DatePicker date;
    @FXML private ChoiceBox<String> shift;
    @FXML private ChoiceBox<String> line;
    @FXML private Button showButton;
    @FXML private Button csvButton;
    @FXML private Button pdfButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label offline;
    @FXML private Label header;
    @FXML private Label oee;
    @FXML private Label availability;
    @FXML private Label performance;
    @FXML private Label quality;
    @FXML private Label counts;
    @FXML private Label flagWarning;
    @FXML private Label zone;
    @FXML private Label message;
    @FXML private TableView<StationRow> stations;
    @FXML private TableView<StopRow> stops;
    @FXML private BarChart<Number, String> pareto;
    @FXML private CategoryAxis paretoReasons;
    @FXML private ChoiceBox<ShiftBookViewModel.ReasonChoice> reasonChoice;
    @FXML private TextField reasonNote;
    @FXML private Button classifyButton;
    @FXML private Label handedOver;
    @FXML private TextArea handoverNote;
    @FXML private Button handoverButton;
    @FXML private Label signOffStatus;
    @FXML private PasswordField signOffPassword;
    @FXML private Button signOffButton;
    @FXML private LineChart<Number, Number> output;
    @FXML private NumberAxis outputTime;
    @FXML private VBox alarms;

    /** @param saveAs where exports go; null for a file chooser */
    public ShiftReviewView(ShiftReviewViewModel model, Texts texts, SaveAs saveAs) {
        this.model = model;
        this.texts = texts;
        this.saveAs = saveAs;
    }

    @FXML
    private void initialize() {
        date.valueProperty().bindBidirectional(model.dateProperty());
        shift.getItems().setAll(model.shiftNames());
        shift.valueProperty().bindBidirectional(model.shiftProperty());
        line.setItems(model.lines());
        line.valueProperty().bindBidirectional(model.lineProperty());
        progress.visibleProperty().bind(model.busyProperty());
        showButton.disableProperty().bind(model.busyProperty());
        csvButton.disableProperty().bind(model.busyProperty().or(model.reportProperty().isNull()));
        pdfButton.disableProperty().bind(model.busyProperty().or(model.reportProperty().isNull()));
        offline.visibleProperty().bind(model.offlineProperty());
        offline.managedProperty().bind(model.offlineProperty());
        header.textProperty().bind(model.headerProperty());
        message.textProperty().bind(model.messageProperty());
        Subscription shown = model.figuresProperty().subscribe((old, f) -> {
            oee.setText(f.oee());
            availability.setText(f.availability());
            performance.setText(f.performance());
            quality.setText(f.quality());
            counts.setText(f.counts());
            flagWarning.setText(f.warning());
            flagWarning.setVisible(!f.valid());
            flagWarning.setManaged(!f.valid());
            for (Label value : List.of(oee, availability, performance, quality)) {
                value.getStyleClass().remove("shift-figure-invalid");
                if (!f.valid()) {
                    value.getStyleClass().add("shift-figure-invalid");
                }
            }
        });
        flagWarning.setVisible(false);
        flagWarning.setManaged(false);
        zone.setText(model.format().zoneLabel());
        outputTime.setLabel(model.format().zoneLabel());
        stations.setItems(model.stations());
        columns(stations, List.of(StationRow::station, StationRow::parts, StationRow::scrap, StationRow::run,
                StationRow::down, StationRow::unknown, StationRow::availability, StationRow::performance,
                StationRow::quality, StationRow::oee));
        stops.setItems(model.stops());
        columns(stops, List.of(StopRow::station, StopRow::from, StopRow::to, StopRow::duration, StopRow::reason));
        shown = shown.and(model.selectedProperty().subscribe((old, l) -> showCharts(l)));
        Subscription book = bindBook(model.book());
        shown = shown.and(model.alarmLinesProperty().subscribe((old, lines) -> alarms.getChildren().setAll(
                lines.stream().map(t -> {
                    Label label = new Label(t);
                    label.setWrapText(true);
                    return label;
                }).toList())));
        subscriptions = shown.and(book);
        model.showInitial();
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    private Subscription bindBook(ShiftBookViewModel book) {
        reasonChoice.getItems().setAll(book.reasonsProperty().get());
        Subscription reasons = book.reasonsProperty().subscribe((old, list) -> reasonChoice.getItems().setAll(list));
        stops.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> book.selectStop(i.intValue()));
        Subscription selected = book.selectedStopProperty().subscribe((old, stop) -> {
            reasonChoice.setValue(stop == null ? null : book.choice(stop.reason()).orElse(null));
            reasonNote.setText(stop == null ? "" : stop.note());
        });
        var off = book.availableProperty().not().or(model.busyProperty());
        var locked = off.or(book.signedProperty());
        classifyButton.disableProperty().bind(locked.or(book.selectedStopProperty().isNull()));
        reasonChoice.disableProperty().bind(locked);
        reasonNote.disableProperty().bind(locked);
        handoverButton.disableProperty().bind(off);
        handoverNote.disableProperty().bind(book.availableProperty().not());
        Subscription handover = book.handoverProperty().subscribe((old, note) -> handoverNote.setText(note));
        handedOver.textProperty().bind(book.handedOverProperty());
        signOffStatus.textProperty().bind(book.signOffProperty());
        Subscription differs = book.liveDiffersProperty().subscribe((old, now) -> {
            signOffStatus.getStyleClass().remove("shift-live-differs");
            if (now) {
                signOffStatus.getStyleClass().add("shift-live-differs");
            }
        });
        signOffButton.disableProperty().bind(locked);
        signOffPassword.disableProperty().bind(locked);
        signOffPassword.setOnAction(e -> signOff());
        return Subscription.combine(reasons, selected, handover, differs);
    }

    @FXML
    private void show() {
        model.show();
    }

    @FXML
    private void classify() {
        model.book().classify(reasonChoice.getValue(), reasonNote.getText());
    }

    @FXML
    private void saveHandover() {
        model.book().writeHandover(handoverNote.getText());
    }

    @FXML
    private void signOff() {
        char[] password = signOffPassword.getText().toCharArray();
        signOffPassword.clear();
        model.book().signOff(password);
    }

    @FXML
    private void exportCsv() {
        Path file = ask(model.reportProperty().get().period().key().replace('/', '-') + ".csv", "CSV", "*.csv");
        if (file != null) {
            model.exportCsv(file);
        }
    }

    @FXML
    private void exportPdf() {
        Path file = ask(model.reportProperty().get().period().key().replace('/', '-') + ".pdf", "PDF", "*.pdf");
        if (file != null) {
            model.exportPdf(file);
        }
    }

    private Path ask(String suggested, String kind, String pattern) {
        if (saveAs != null) {
            return saveAs.apply(suggested);
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File file = chooser.showSaveDialog(header.getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    private static <R> void columns(TableView<R> table, List<Function<R, String>> cells) {
        for (int i = 0; i < cells.size(); i++) {
            @SuppressWarnings("unchecked")
            TableColumn<R, String> column = (TableColumn<R, String>) table.getColumns().get(i);
            Function<R, String> cell = cells.get(i);
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(cell.apply(c.getValue())));
        }
    }

    private void showCharts(ShiftReport.Line l) {
        XYChart.Series<Number, String> bars = new XYChart.Series<>();
        XYChart.Series<Number, Number> produced = new XYChart.Series<>();
        if (l != null) {
            // Largest at the top: a vertical category axis runs bottom to top. Each label carries its cumulative share.
            List<String> labels = new java.util.ArrayList<>();
            for (var b : l.pareto().reversed()) {
                String label = model.format().paretoLabel(b);
                labels.add(label);
                bars.getData().add(new XYChart.Data<>(b.total().toSeconds() / 60.0, label));
            }
            paretoReasons.setCategories(javafx.collections.FXCollections.observableArrayList(labels));
            Instant start = model.reportProperty().get().period().start();
            produced.getData().add(new XYChart.Data<>(0, 0));
            for (CounterIncrease.Point p : l.produced()) {
                produced.getData().add(new XYChart.Data<>(Duration.between(start, p.at()).toSeconds() / 3600.0,
                        p.count()));
            }
            output.setTitle(texts.get("shift.output", l.output()));
            long hours = model.reportProperty().get().period().length().toHours();
            outputTime.setUpperBound(Math.max(1, hours));
            outputTime.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number h) {
                    return model.format().time(start.plusSeconds(Math.round(h.doubleValue() * 3600))).substring(0, 5);
                }

                @Override
                public Number fromString(String s) {
                    return 0;
                }
            });
        }
        if (l == null) {
            paretoReasons.getCategories().clear();
        }
        pareto.getData().setAll(List.of(bars));
        output.getData().setAll(List.of(produced));
    }
}
