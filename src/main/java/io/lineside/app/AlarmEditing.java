package io.lineside.app;

import io.lineside.alarms.AlarmConfig;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.alarms.AlarmDefinitionsWriter;
import io.lineside.alarms.AlarmService;
import io.lineside.config.ConfigException;
import io.lineside.config.ConfigFiles;
import io.lineside.security.ActionRefusedException;
import io.lineside.security.Permission;
import io.lineside.security.SecuredActions;
import io.lineside.security.SessionManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Saves edited alarm definitions the one way decision 0031 fixes: validated by the loader that reads the file at
 * start, permission ({@link Permission#EDIT_ALARM_DEFINITIONS}) and audit row ({@value #SAVE}, what changed) through
 * {@link SecuredActions}, written with {@link ConfigFiles#replace}, applied live to the running {@link AlarmService}.
 * Blocking file I/O: call it off the FX thread.
 */
public final class AlarmEditing {

    /** The audit action of a save. */
    public static final String SAVE = "alarms.save";

    private final AlarmService alarms;
    private final SecuredActions actions;
    private final SessionManager session;
    private final Path file;
    private final AlarmDefinitionsLoader loader = new AlarmDefinitionsLoader();
    private final AlarmDefinitionsWriter writer = new AlarmDefinitionsWriter();

    /** @param file the station config's alarms file, or {@link #demoFile} for the demo */
    public AlarmEditing(AlarmService alarms, SecuredActions actions, SessionManager session, Path file) {
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.session = Objects.requireNonNull(session, "session");
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Where the demo's edited alarms are kept (and loaded from at the next demo start). */
    public static Path demoFile(Path dataDir) {
        return dataDir.resolve("demo").resolve("alarms.yaml");
    }

    public Path file() {
        return file;
    }

    /**
     * Validates, audits, writes and applies {@code edited}.
     *
     * @return the definitions as the loader read them back (what now runs)
     * @throws ConfigException        the loader refuses the edit (nothing audited, written or applied)
     * @throws ActionRefusedException the session may not edit alarms (audited as denied), or no audit row
     * @throws IOException            the file could not be written (the old one stays; audited as failed)
     */
    public AlarmConfig save(AlarmConfig edited, String why) throws ConfigException, ActionRefusedException,
            IOException {
        String yaml = writer.write(edited);
        AlarmConfig checked = loader.parseConfig(file.getFileName().toString(), yaml);
        String changes = changes(alarms.definitions(), checked.definitions());
        return actions.run(new SecuredActions.Command(Permission.EDIT_ALARM_DEFINITIONS, SAVE, file.toString(),
                alarms.definitions().size() + " alarms", changes, why), () -> {
            ConfigFiles.replace(file, yaml);
            try {
                alarms.apply(checked, session.actor().userName(), SAVE + ": " + changes).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while applying the saved alarms", e);
            } catch (ExecutionException e) {
                throw new IOException("saved, but not applied: " + e.getCause().getMessage(), e.getCause());
            }
            return checked;
        });
    }

    /** "added A; changed B; removed C" (or "no change"): the audit row's new value. */
    static String changes(List<AlarmDefinition> before, List<AlarmDefinition> after) {
        Map<String, AlarmDefinition> old = before.stream().collect(Collectors.toMap(AlarmDefinition::id,
                Function.identity()));
        Map<String, AlarmDefinition> now = after.stream().collect(Collectors.toMap(AlarmDefinition::id,
                Function.identity()));
        List<String> parts = new ArrayList<>();
        List<String> added = after.stream().map(AlarmDefinition::id).filter(id -> !old.containsKey(id)).toList();
        List<String> changed = after.stream().filter(d -> old.containsKey(d.id()) && !old.get(d.id()).equals(d))
                .map(AlarmDefinition::id).toList();
        List<String> removed = before.stream().map(AlarmDefinition::id).filter(id -> !now.containsKey(id)).toList();
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!changed.isEmpty()) {
            parts.add("changed " + String.join(", ", changed));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }
}
