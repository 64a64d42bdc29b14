package io.lineside.ui.alarms;

import io.lineside.ui.Disposable;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.scene.input.KeyCode;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;

/** The alarm summary's controller: table, filters and the inline command panel. FX thread only. */
public final class AlarmSummaryView implements Disposable {

    private final AlarmSummaryViewModel model;
    private final Texts texts;
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML
    private ComboBox<String> scope;
    @FXML
    private TextField search;
    @FXML
    private CheckBox grouped;
    @FXML
    private CheckBox showShelved;
    @FXML
    private Button commentButton;
    @FXML
    private Button shelveButton;
    @FXML
    private Button unshelveButton;
    @FXML
    private Button trendButton;
    @FXML
    private Button goToButton;
    @FXML
    private TableView<AlarmRow> table;
    @FXML
    private TableColumn<AlarmRow, String> priorityColumn;
    @FXML
    private TableColumn<AlarmRow, String> timeColumn;
    @FXML
    private TableColumn<AlarmRow, String> stationColumn;
    @FXML
    private TableColumn<AlarmRow, String> messageColumn;
    @FXML
    private TableColumn<AlarmRow, String> valueColumn;
    @FXML
    private TableColumn<AlarmRow, String> tripColumn;
    @FXML
    private TableColumn<AlarmRow, String> stateColumn;
    @FXML
    private TableColumn<AlarmRow, String> groupColumn;
    @FXML
    private TableColumn<AlarmRow, String> shelveColumn;
    @FXML
    private VBox commandPanel;
    @FXML
    private Label panelTitle;
    @FXML
    private Label panelHint;
    @FXML
    private Label panelTargets;
    @FXML
    private ComboBox<Duration> duration;
    @FXML
    private ComboBox<String> reason;
    @FXML
    private CheckBox oneShot;
    @FXML
    private TextField note;
    @FXML
    private Button confirm;
    @FXML
    private Label message;
    @FXML
    private Label detail;
    @FXML
    private Label history;

    public AlarmSummaryView(AlarmSummaryViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        AlarmCommandPanel panel = model.panel();
        scope.setItems(model.scopes());
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        search.textProperty().bindBidirectional(model.searchProperty());
        grouped.selectedProperty().bindBidirectional(model.groupedProperty());
        showShelved.selectedProperty().bindBidirectional(model.showShelvedProperty());
        // Column sorting sorts a view of the rows, never the rows themselves: they stay keyed and in place.
        SortedList<AlarmRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        column(priorityColumn, AlarmRow::priorityProperty);
        column(timeColumn, AlarmRow::timeProperty);
        timeColumn.setText(model.timeHeader());
        column(stationColumn, AlarmRow::stationProperty);
        column(messageColumn, AlarmRow::messageProperty);
        column(valueColumn, AlarmRow::valueProperty);
        column(tripColumn, AlarmRow::tripProperty);
        column(stateColumn, AlarmRow::stateProperty);
        column(groupColumn, AlarmRow::groupProperty);
        column(shelveColumn, AlarmRow::shelveProperty);
        sizeStateColumnOnFontChange();
        detail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.detail(table.getSelectionModel().getSelectedItem()),
                table.getSelectionModel().selectedItemProperty(), model.rows()));
        detail.visibleProperty().bind(panel.modeProperty().isEqualTo(AlarmCommandPanel.Mode.NONE));
        detail.managedProperty().bind(detail.visibleProperty());
        history.textProperty().bind(model.historyProperty());
        // While a command panel is open (it names its alarms) it needs the room: detail and history give way, so the
        // panel and its confirm button never leave the pane.
        history.visibleProperty().bind(model.historyProperty().isNotEmpty()
                .and(panel.modeProperty().isEqualTo(AlarmCommandPanel.Mode.NONE)));
        history.managedProperty().bind(history.visibleProperty());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> model.showHistory(row));
        groupColumn.visibleProperty().bind(model.groupedProperty());
        shelveColumn.visibleProperty().bind(model.showShelvedProperty());
        unshelveButton.visibleProperty().bind(model.showShelvedProperty());
        unshelveButton.managedProperty().bind(unshelveButton.visibleProperty());
        table.setRowFactory(t -> priorityRow());
        shelveButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        commentButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        trendButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        goToButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());

        commandPanel.visibleProperty().bind(panel.modeProperty().isNotEqualTo(AlarmCommandPanel.Mode.NONE));
        commandPanel.managedProperty().bind(commandPanel.visibleProperty());
        panelTitle.textProperty().bind(panel.titleProperty());
        panelHint.textProperty().bind(panel.hintProperty());
        panelTargets.textProperty().bind(panel.targetsTextProperty());
        // Esc closes the panel from wherever the focus is in it, whether the session is locked or not.
        commandPanel.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel();
                table.requestFocus();
                e.consume();
            }
        });
        note.textProperty().bindBidirectional(panel.noteProperty());
        duration.setItems(panel.durations());
        duration.valueProperty().bindBidirectional(panel.durationProperty());
        duration.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return panel.durationText(d);
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        duration.visibleProperty().bind(panel.modeProperty().isEqualTo(AlarmCommandPanel.Mode.SHELVE));
        duration.managedProperty().bind(duration.visibleProperty());
        reason.setItems(panel.reasons());
        reason.valueProperty().bindBidirectional(panel.reasonProperty());
        reason.setConverter(new StringConverter<>() {
            @Override
            public String toString(String r) {
                return panel.reasonText(r);
            }

            @Override
            public String fromString(String text) {
                return panel.reasons().stream().filter(r -> panel.reasonText(r).equals(text)).findFirst().orElse(null);
            }
        });
        reason.visibleProperty().bind(duration.visibleProperty());
        reason.managedProperty().bind(duration.visibleProperty());
        oneShot.selectedProperty().bindBidirectional(panel.oneShotProperty());
        oneShot.visibleProperty().bind(duration.visibleProperty());
        oneShot.managedProperty().bind(duration.visibleProperty());
        Subscription panelMode = panel.modeProperty().subscribe((old, mode) -> {
            confirm.setText(texts.get(switch (mode) {
                case SHELVE -> "summary.confirmShelve";
                case COMMENT -> "summary.confirmComment";
                default -> "summary.confirmAck";
            }));
            if (mode != AlarmCommandPanel.Mode.NONE) {
                note.requestFocus();
            }
        });
        confirm.disableProperty().bind(panel.busyProperty());
        message.textProperty().bind(panel.messageProperty());
        Subscription error = panel.errorProperty().subscribe((old, err) -> {
            message.getStyleClass().remove("error");
            if (err) {
                message.getStyleClass().add("error");
            }
        });
        subscriptions = Subscription.combine(panelMode, error);
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    /** The ids of the selected alarms (kept across a language switch, which rebuilds this view). */
    public List<String> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(AlarmRow::id).toList();
    }

    /** Selects the rows of the alarms {@code ids} that are listed now. */
    public void select(java.util.Collection<String> ids) {
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (ids.contains(table.getItems().get(i).id())) {
                table.getSelectionModel().select(i);
            }
        }
    }

    /** F9: acknowledge the selected alarms (opens the note panel) with the focus in the note field. */
    @FXML
    public void acknowledgeSelected() {
        model.requestAcknowledge(List.copyOf(table.getSelectionModel().getSelectedItems()));
        if (model.panel().modeProperty().get() != AlarmCommandPanel.Mode.NONE) {
            note.requestFocus();
        }
    }

    @FXML
    private void acknowledgeShown() {
        model.requestAcknowledgeShown();
    }

    @FXML
    private void shelve() {
        AlarmRow row = table.getSelectionModel().getSelectedItem();
        model.panel().requestShelve(row == null ? null : row.alarm());
    }

    /** A comment on the selected alarm, in any state: the panel names it and takes the text in the note field. */
    @FXML
    private void comment() {
        AlarmRow row = table.getSelectionModel().getSelectedItem();
        model.panel().requestComment(row == null ? null : row.alarm());
    }

    @FXML
    private void unshelve() {
        AlarmRow row = table.getSelectionModel().getSelectedItem();
        model.panel().unshelve(row == null ? null : row.alarm());
    }

    @FXML
    private void openTrend() {
        model.openTrend(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void openStation() {
        model.openStation(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void confirm() {
        model.confirm(selectedIds());
    }

    /** Esc: close the command panel. */
    @FXML
    public void cancel() {
        model.panel().cancel();
    }

    private TableRow<AlarmRow> priorityRow() {
        TableRow<AlarmRow> row = new TableRow<>() {
            @Override
            protected void updateItem(AlarmRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(c -> c.startsWith("alarm-row-"));
                if (item != null && !empty) {
                    getStyleClass().add("alarm-row-" + item.alarm().priority().name().toLowerCase(Locale.ROOT));
                    if (item.alarm().state().needsAck()) {
                        getStyleClass().add("alarm-row-unacked");
                    }
                }
            }
        };
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                model.openTrend(row.getItem());
                model.openStation(row.getItem()); // the faceplate beside the trend around the alarm
            }
        });
        return row;
    }

    /**
     * Sizes the State column once for the widest text it can show (never "Returned, unackno…"; the state is what the
     * operator acts on), measured by a hidden cell-styled label with the font the cells get: bold as an unacknowledged
     * row, in the touch size or not. Done again when that font changes (touch size, theme); a language switch
     * rebuilds the view. Never from a cell's updateItem: widening a column while the table lays out its rows drew
     * the row being laid out misaligned and elided.
     */
    private void sizeStateColumnOnFontChange() {
        Label probe = new Label();
        probe.getStyleClass().add("table-cell");
        javafx.scene.Group unacked = new javafx.scene.Group(probe);
        unacked.getStyleClass().addAll("table-row-cell", "alarm-row-unacked");
        unacked.setManaged(false);
        unacked.setVisible(false);
        ((javafx.scene.layout.Pane) table.getParent()).getChildren().add(unacked);
        double configured = stateColumn.getPrefWidth();
        Runnable size = () -> {
            if (probe.getScene() == null) {
                return;
            }
            probe.applyCss();
            double widest = 0;
            for (String s : model.stateTexts()) {
                probe.setText(s);
                widest = Math.max(widest, probe.prefWidth(-1));
            }
            probe.setText("");
            stateColumn.setPrefWidth(Math.max(configured, Math.ceil(widest + 4)));
        };
        probe.fontProperty().addListener((o, old, font) -> size.run());
        probe.sceneProperty().addListener((o, old, scene) -> size.run());
    }

    private static void column(TableColumn<AlarmRow, String> column,
                               Function<AlarmRow, ReadOnlyStringProperty> value) {
        column.setCellValueFactory(c -> value.apply(c.getValue())); // the row's own property: updated in place
    }
}
