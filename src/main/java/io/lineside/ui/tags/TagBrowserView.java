package io.lineside.ui.tags;

import io.lineside.stations.browse.TagEntry;
import io.lineside.ui.Texts;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The tag browser (thin controller): filter, keyed table, details of the selected row. FX thread only. */
public final class TagBrowserView {

    private final TagBrowserViewModel model;
    private final Texts texts;

    @FXML
    private TextField filter;
    @FXML
    private ComboBox<TagEntry.Mapping> mapping;
    @FXML
    private TableView<TagRow> table;
    @FXML
    private TableColumn<TagRow, String> origin;
    @FXML
    private TableColumn<TagRow, String> mapped;
    @FXML
    private TableColumn<TagRow, String> value;
    @FXML
    private TableColumn<TagRow, String> unit;
    @FXML
    private TableColumn<TagRow, String> range;
    @FXML
    private TableColumn<TagRow, String> quality;
    @FXML
    private TableColumn<TagRow, String> age;
    @FXML
    private TextArea details;
    @FXML
    private Label status;
    @FXML
    private VBox content;
    @FXML
    private Label denied;

    public TagBrowserView(TagBrowserViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        mapping.getItems().setAll(TagEntry.Mapping.values());
        mapping.setConverter(new StringConverter<>() {
            @Override
            public String toString(TagEntry.Mapping m) {
                return m == null ? "" : texts.get("tags.filter." + m.name());
            }

            @Override
            public TagEntry.Mapping fromString(String s) {
                return null;
            }
        });
        mapping.valueProperty().bindBidirectional(model.mappingProperty());
        column(origin, TagRow::originProperty);
        column(mapped, TagRow::mappingProperty);
        column(value, TagRow::valueProperty);
        column(unit, TagRow::unitProperty);
        column(range, TagRow::rangeProperty);
        column(quality, TagRow::qualityProperty);
        column(age, TagRow::ageProperty);
        table.setItems(model.rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.select(b));
        details.textProperty().bind(model.detailsProperty());
        status.textProperty().bind(model.statusProperty());
        content.visibleProperty().bind(model.permittedProperty());
        content.managedProperty().bind(model.permittedProperty());
        denied.visibleProperty().bind(model.permittedProperty().not());
        denied.managedProperty().bind(model.permittedProperty().not());
    }

    private static void column(TableColumn<TagRow, String> c,
                               java.util.function.Function<TagRow, ObservableValue<String>> property) {
        c.setCellValueFactory(cell -> property.apply(cell.getValue()));
    }

    /** The table (tests check that selection and scroll survive updates). */
    public TableView<TagRow> table() {
        return table;
    }
}
