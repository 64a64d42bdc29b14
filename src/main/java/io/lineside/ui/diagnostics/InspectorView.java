package io.lineside.ui.diagnostics;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import io.lineside.ui.Texts;

/** The message inspector's controller (a tab of the diagnostics window): binds to {@link InspectorViewModel}. */
public final class InspectorView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final InspectorViewModel model;
    private final Texts texts;
    private BooleanBinding open; // held: bindings listen weakly to what they depend on

    @FXML
    private VBox root;
    @FXML
    private TextField filter;
    @FXML
    private Label filterError;
    @FXML
    private Button pause;
    @FXML
    private CheckBox latest;
    @FXML
    private TableView<InspectorRow> table;
    @FXML
    private TableColumn<InspectorRow, String> number;
    @FXML
    private TableColumn<InspectorRow, String> time;
    @FXML
    private TableColumn<InspectorRow, String> topic;
    @FXML
    private TableColumn<InspectorRow, String> qos;
    @FXML
    private TableColumn<InspectorRow, String> size;
    @FXML
    private TableColumn<InspectorRow, String> decoded;
    @FXML
    private TextArea detail;
    @FXML
    private Label status;

    public InspectorView(InspectorViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        filterError.textProperty().bind(model.filterErrorProperty());
        filterError.visibleProperty().bind(model.filterErrorProperty().isNotEmpty());
        filterError.managedProperty().bind(filterError.visibleProperty());
        latest.selectedProperty().bindBidirectional(model.latestPerTopicProperty());
        pause.textProperty().bind(Bindings.when(model.pausedProperty())
                .then(texts.get("inspector.resume")).otherwise(texts.get("inspector.pause")));
        column(number, InspectorRow::number);
        column(time, InspectorRow::time);
        column(topic, InspectorRow::topic);
        column(qos, InspectorRow::qos);
        column(size, InspectorRow::size);
        column(decoded, InspectorRow::decoded);
        table.setItems(model.rows());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(InspectorRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(ERROR, !empty && row != null && row.error());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> model.select(row));
        detail.textProperty().bind(model.detailProperty());
        status.textProperty().bind(model.statusProperty());
    }

    /** Captures while {@code tabSelected} and the window is showing; stops when either ends. */
    void showWhile(ObservableValue<Boolean> tabSelected) {
        ObservableValue<Boolean> showing = root.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        open = Bindings.createBooleanBinding(() -> tabSelected.getValue() && showing.getValue(), tabSelected, showing);
        open.addListener((o, was, now) -> model.setOpen(now));
        model.setOpen(open.get());
    }

    private static void column(TableColumn<InspectorRow, String> column, Function<InspectorRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void applyFilter() {
        model.applyFilter();
    }

    @FXML
    private void togglePause() {
        model.togglePause();
    }

    @FXML
    private void clear() {
        model.clear();
    }
}
