package io.lineside.ui.station;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The raw tags' controller: a live table bound to {@link StationTagsViewModel}. FX thread only. */
public final class StationTagsView {

    private final StationTagsViewModel model;

    @FXML
    private Label title;
    @FXML
    private TableView<TagRow> table;
    @FXML
    private TableColumn<TagRow, String> pathColumn;
    @FXML
    private TableColumn<TagRow, String> valueColumn;
    @FXML
    private TableColumn<TagRow, String> qualityColumn;
    @FXML
    private TableColumn<TagRow, String> sourceColumn;
    @FXML
    private TableColumn<TagRow, String> receiveColumn;
    @FXML
    private TableColumn<TagRow, String> ageColumn;
    @FXML
    private TableColumn<TagRow, String> seqColumn;

    public StationTagsView(StationTagsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        title.setText(model.title());
        bind(pathColumn, TagRow::path);
        bind(valueColumn, TagRow::value);
        bind(qualityColumn, TagRow::qualityText);
        bind(sourceColumn, TagRow::sourceTime);
        bind(receiveColumn, TagRow::receiveTime);
        bind(ageColumn, TagRow::age);
        bind(seqColumn, TagRow::seq);
        table.setItems(model.rows());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TagRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeIf(c -> c.startsWith("quality-"));
                if (!empty && row != null) {
                    getStyleClass().add("quality-" + row.quality().name().toLowerCase(Locale.ROOT));
                }
            }
        });
    }

    private static void bind(TableColumn<TagRow, String> column, Function<TagRow, String> field) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(field.apply(c.getValue())).getReadOnlyProperty());
    }
}
