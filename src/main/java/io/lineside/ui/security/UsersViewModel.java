package io.lineside.ui.security;

import io.lineside.ui.Lifecycle;
import io.lineside.security.ActionRefusedException;
import io.lineside.security.AuditActions;
import io.lineside.security.AuditTrail;
import io.lineside.security.AuditVerification;
import io.lineside.security.Permission;
import io.lineside.security.Role;
import io.lineside.security.SecuredActions;
import io.lineside.security.SecurityStoreException;
import io.lineside.security.SessionManager;
import io.lineside.security.User;
import io.lineside.security.UserService;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * User administration (administrators) and audit-trail verification (supervisors and up). Every command goes to
 * {@link UserService} or {@link SecuredActions}, which check the permission and write the audit row: this model
 * only reports what they say. Work runs on {@code background}; results arrive through {@code fx}. FX thread only.
 */
public final class UsersViewModel implements Lifecycle {

    /** A user as the table shows it. */
    public record Row(String name, String displayName, String role, String status) {
    }

    /** What a command reports: a sentence, and whether it is bad news. */
    private record Outcome(String text, boolean bad) {
        static Outcome ok(String text) {
            return new Outcome(text, false);
        }
    }

    @FunctionalInterface
    private interface Work {
        Outcome run() throws ActionRefusedException, SecurityStoreException;
    }

    private final UserService users;
    private final SessionManager session;
    private final SecuredActions actions;
    private final AuditTrail audit;
    private final BackgroundTasks tasks;
    private final Texts texts;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();

    public UsersViewModel(UserService users, SessionManager session, SecuredActions actions, AuditTrail audit,
                          Executor background, Executor fx, Texts texts) {
        this.users = users;
        this.session = session;
        this.actions = actions;
        this.audit = audit;
        this.tasks = new BackgroundTasks(background, fx);
        this.texts = texts;
    }

    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    /** The outcome of the last command, in operator words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} reports a refusal or failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public List<Role> roles() {
        return List.of(Role.values());
    }

    public String roleName(Role role) {
        return texts.get("role." + role.name());
    }

    // Commands

    /** Reloads the user list (administrators only; others see why not). */
    public void refresh() {
        execute(() -> {
            users.users(session); // refused with its reason for anyone but an administrator
            return null;
        });
    }

    public void create(String name, String displayName, Role role, char[] password, char[] confirm) {
        if (!Arrays.equals(password, confirm)) {
            report(texts.get("session.mismatch"), true);
            return;
        }
        execute(() -> {
            users.createUser(session, name.strip(), displayName, role, password);
            return Outcome.ok(texts.get("users.created", name.strip(), roleName(role)));
        }, password, confirm);
    }

    public void changeRole(String name, Role role) {
        execute(() -> {
            users.changeRole(session, name, role);
            return Outcome.ok(texts.get("users.roleChanged", name, roleName(role)));
        });
    }

    public void setDisabled(String name, boolean disabled) {
        execute(() -> {
            if (disabled) {
                users.disable(session, name);
            } else {
                users.enable(session, name);
            }
            return Outcome.ok(texts.get(disabled ? "users.disabled" : "users.enabled", name));
        });
    }

    public void resetPassword(String name, char[] password, char[] confirm) {
        if (!Arrays.equals(password, confirm)) {
            report(texts.get("session.mismatch"), true);
            return;
        }
        execute(() -> {
            users.resetPassword(session, name, password);
            return Outcome.ok(texts.get("users.passwordReset", name));
        }, password, confirm);
    }

    /** Checks the audit trail's hash chain (itself an audited action). */
    public void verifyAudit() {
        execute(() -> {
            AuditVerification result = actions.run(new SecuredActions.Command(Permission.VERIFY_AUDIT,
                    AuditActions.VERIFY_AUDIT, "audit", null, null, null), audit::verify);
            return result.intact() ? Outcome.ok(texts.get("users.auditIntact", result.rowsChecked()))
                    : new Outcome(texts.get("users.auditBroken", result.summary()), true);
        });
    }

    /** What a command left behind: the user list (null if this session may not see it) and its outcome. */
    private record Done(List<Row> list, Outcome outcome) {
    }

    private void execute(Work work, char[]... secrets) {
        tasks.run(() -> {
            Outcome outcome;
            try {
                outcome = work.run();
            } catch (ActionRefusedException | SecurityStoreException | RuntimeException e) {
                outcome = new Outcome(texts.get("session.refused", e.getMessage()), true);
            } finally {
                clear(secrets);
            }
            return new Done(load(), outcome);
        }, done -> {
            if (done.list() != null) {
                rows.setAll(done.list());
            }
            if (done.outcome() != null) {
                report(done.outcome().text(), done.outcome().bad());
            }
        }, failure -> {
            clear(secrets); // refused before it ran, or broken by an Error: the secrets go anyway
            report(texts.get("session.refused", BackgroundTasks.describe(failure)), true);
        });
    }

    private static void clear(char[]... secrets) {
        for (char[] secret : secrets) {
            Arrays.fill(secret, '\0');
        }
    }

    /** The user list, or null if this session may not see it. Background thread. */
    private List<Row> load() {
        try {
            return users.users(session).stream().map(this::row).toList();
        } catch (ActionRefusedException | SecurityStoreException e) {
            return null;
        }
    }

    private Row row(User user) {
        return new Row(user.name(), user.displayName(), roleName(user.role()),
                texts.get(user.disabled() ? "users.statusDisabled" : "users.statusActive"));
    }

    private void report(String text, boolean bad) {
        message.set(text);
        failed.set(bad);
    }
}
