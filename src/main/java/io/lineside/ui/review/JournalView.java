package io.lineside.ui.review;

import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.ui.Texts;
import io.lineside.ui.review.JournalViewModel.Row;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/** The journal tab's controller: filters, table and CSV export, bound to {@link JournalViewModel}. */
public final class JournalView {

    private final JournalViewModel model;
    private final Texts texts;

    @FXML
    private ChoiceBox<Choice<ReviewRange>> range;
    @FXML
    private ChoiceBox<Choice<Priority>> priority;
    @FXML
    private ChoiceBox<Choice<AlarmState>> state;
    @FXML
    private TextField area;
    @FXML
    private TextField text;
    @FXML
    private Button searchButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button replayButton;
    @FXML
    private TableView<Row> table;
    @FXML
    private TableColumn<Row, String> timeColumn;
    @FXML
    private TableColumn<Row, String> priorityColumn;
    @FXML
    private TableColumn<Row, String> alarmColumn;
    @FXML
    private TableColumn<Row, String> eventColumn;
    @FXML
    private TableColumn<Row, String> transitionColumn;
    @FXML
    private TableColumn<Row, String> stationColumn;
    @FXML
    private TableColumn<Row, String> valueColumn;
    @FXML
    private TableColumn<Row, String> userColumn;
    @FXML
    private TableColumn<Row, String> noteColumn;
    @FXML
    private TableColumn<Row, String> messageColumn;
    @FXML
    private Label message;
    @FXML
    private Label zone;

    public JournalView(JournalViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        Choice.fill(range, null, ReviewRange.values(), r -> texts.get("review.range." + r.name()));
        range.getSelectionModel().select(ReviewRange.LAST_24_HOURS.ordinal());
        Choice.fill(priority, texts.get("review.allPriorities"), Priority.values(), p -> texts.get("priority." + p.name()));
        Choice.fill(state, texts.get("review.allStates"), AlarmState.values(), s -> texts.get("alarmState." + s.name()));
        table.setItems(model.rows());
        column(timeColumn, Row::time);
        column(priorityColumn, Row::priority);
        column(alarmColumn, Row::alarm);
        column(eventColumn, Row::event);
        column(transitionColumn, Row::transition);
        column(stationColumn, Row::station);
        column(valueColumn, Row::value);
        column(userColumn, Row::user);
        column(noteColumn, Row::note);
        column(messageColumn, Row::message);
        message.textProperty().bind(model.messageProperty());
        zone.setText(model.zoneLabel());
        timeColumn.setText(texts.get("review.time") + " (" + model.zone().getId() + ")");
        searchButton.disableProperty().bind(model.busyProperty());
        exportButton.disableProperty().bind(model.busyProperty());
        replayButton.setVisible(model.canReplay());
        replayButton.setManaged(model.canReplay());
        replayButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && model.canReplay() && table.getSelectionModel().getSelectedItem() != null) {
                replay();
            }
        });
        search();
    }

    private static void column(TableColumn<Row, String> column, Function<Row, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void search() {
        model.search(range.getValue().value(), priority.getValue().value(), state.getValue().value(), area.getText(),
                text.getText());
    }

    @FXML
    private void replay() {
        model.replayBefore(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("review.export"));
        chooser.setInitialFileName("alarm-journal.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath());
        }
    }

}
