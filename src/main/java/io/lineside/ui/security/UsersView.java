package io.lineside.ui.security;

import io.lineside.security.Role;
import io.lineside.ui.Disposable;
import io.lineside.ui.security.UsersViewModel.Row;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import javafx.util.Subscription;

/** The users and audit window's controller: binds the table and forms to {@link UsersViewModel}. */
public final class UsersView implements Disposable {

    private Subscription subscriptions = Subscription.EMPTY;

    private final UsersViewModel model;

    @FXML
    private TableView<Row> table;
    @FXML
    private TableColumn<Row, String> nameColumn;
    @FXML
    private TableColumn<Row, String> displayColumn;
    @FXML
    private TableColumn<Row, String> roleColumn;
    @FXML
    private TableColumn<Row, String> statusColumn;
    @FXML
    private ChoiceBox<Role> selectedRole;
    @FXML
    private PasswordField resetPassword;
    @FXML
    private PasswordField resetConfirm;
    @FXML
    private TextField newName;
    @FXML
    private TextField newDisplay;
    @FXML
    private ChoiceBox<Role> newRole;
    @FXML
    private PasswordField newPassword;
    @FXML
    private PasswordField newConfirm;
    @FXML
    private Label message;

    public UsersView(UsersViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        table.setItems(model.rows());
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        displayColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().displayName()));
        roleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().role()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        for (ChoiceBox<Role> box : java.util.List.of(selectedRole, newRole)) {
            box.getItems().setAll(model.roles());
            box.setValue(Role.OPERATOR);
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Role role) {
                    return role == null ? "" : model.roleName(role);
                }

                @Override
                public Role fromString(String text) {
                    return null;
                }
            });
        }
        message.textProperty().bind(model.messageProperty());
        subscriptions = model.failedProperty().subscribe((old, bad) -> {
            message.getStyleClass().remove("sign-in-message");
            if (bad) {
                message.getStyleClass().add("sign-in-message");
            }
        });
        model.refresh();
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    private String selected() {
        Row row = table.getSelectionModel().getSelectedItem();
        return row == null ? "" : row.name();
    }

    @FXML
    private void changeRole() {
        model.changeRole(selected(), selectedRole.getValue());
    }

    @FXML
    private void disable() {
        model.setDisabled(selected(), true);
    }

    @FXML
    private void enable() {
        model.setDisabled(selected(), false);
    }

    @FXML
    private void resetPassword() {
        model.resetPassword(selected(), resetPassword.getText().toCharArray(), resetConfirm.getText().toCharArray());
        resetPassword.clear();
        resetConfirm.clear();
    }

    @FXML
    private void create() {
        model.create(newName.getText(), newDisplay.getText(), newRole.getValue(), newPassword.getText().toCharArray(),
                newConfirm.getText().toCharArray());
        newPassword.clear();
        newConfirm.clear();
    }

    @FXML
    private void verifyAudit() {
        model.verifyAudit();
    }
}
