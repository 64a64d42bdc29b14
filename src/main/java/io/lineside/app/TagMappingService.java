package io.lineside.app;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigFiles;
import io.lineside.config.ConfigNode;
import io.lineside.config.ConfigSource;
import io.lineside.config.ConfigTree;
import io.lineside.security.AccessDeniedException;
import io.lineside.security.ActionRefusedException;
import io.lineside.security.Permission;
import io.lineside.security.SecuredActions;
import io.lineside.security.SessionManager;
import io.lineside.tags.TagPath;
import io.lineside.telemetry.mapping.MappingsSection;
import io.lineside.telemetry.mapping.MappingsText;
import io.lineside.telemetry.mapping.NewSignal;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.mapping.TopicResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Maps a topic seen on the broker to a station signal and saves it, in the order of decision 0031: the session
 * must have {@link Permission#EDIT_CONNECTIONS} (a refusal is audited as denied), the edited file is read back by
 * the loader that reads it at start, the save is audited ({@value #ACTION}), written with
 * {@link ConfigFiles#replace} and applied live. Where the rule goes:
 * <ul>
 *   <li>a station whose config says {@code mappings: <file>}: appended to that file;</li>
 *   <li>a station with the list in its config (or none yet): appended to the config's {@code mappings:} block list,
 *       every other line and comment kept (a file without the section gets one, starting with the default rule);</li>
 *   <li>the demo: {@code <dataDir>/demo/mappings.yaml}, loaded at the next demo start ({@link #loadDemo}).</li>
 * </ul>
 * Blocking file I/O (not for the FX thread); saves are serialized.
 */
public final class TagMappingService {

    /** The audit action of a saved mapping (stored text: never rename). */
    public static final String ACTION = "mappings.save";

    /** What a save did. */
    public record Saved(Path file, TagPath path) {
    }

    /** A mapping that cannot be saved, with the reason (the file's own loader's message, or why it is not editable). */
    public static final class Refused extends Exception {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path configFile; // null in the demo
    private final Path demoFile;
    private final String prefix;
    private final SessionManager session;
    private final SecuredActions secured;
    private final Consumer<TopicMappings> apply;

    private TagMappingService(Path configFile, Path demoFile, String prefix, SessionManager session,
                              SecuredActions secured, Consumer<TopicMappings> apply) {
        this.configFile = configFile;
        this.demoFile = demoFile;
        this.prefix = prefix;
        this.session = Objects.requireNonNull(session);
        this.secured = Objects.requireNonNull(secured);
        this.apply = Objects.requireNonNull(apply);
    }

    /** For a configured station: saves into {@code configFile} (or the mappings file it names). */
    public static TagMappingService station(Path configFile, String prefix, SessionManager session,
                                            SecuredActions secured, Consumer<TopicMappings> apply) {
        return new TagMappingService(configFile.toAbsolutePath(), null, prefix, session, secured, apply);
    }

    /** For the demo: saves into {@link #demoFile}. */
    public static TagMappingService demo(Path dataDir, String prefix, SessionManager session, SecuredActions secured,
                                         Consumer<TopicMappings> apply) {
        return new TagMappingService(null, demoFile(dataDir), prefix, session, secured, apply);
    }

    /** Where the demo keeps the mappings an engineer saved (decision 0031). */
    public static Path demoFile(Path dataDir) {
        return dataDir.resolve("demo").resolve("mappings.yaml");
    }

    /** The demo's saved mappings, or the default ones under {@code prefix} when none were saved. Blocking file I/O. */
    public static TopicMappings loadDemo(Path dataDir, String prefix) throws ConfigException {
        Path file = demoFile(dataDir);
        if (!Files.isRegularFile(file)) {
            return TopicMappings.defaults(prefix);
        }
        ConfigSource source = ConfigSource.of("config", file);
        String text;
        try {
            text = read(file);
        } catch (IOException e) {
            throw source.whole("cannot be read: " + e.getMessage());
        }
        return new MappingsSection().readFile(source, text, TopicMappings.DEFAULT_CLOCK_SKEW);
    }

    /**
     * Maps {@code request}'s topic to its signal, saves and applies it.
     *
     * @throws ActionRefusedException the session may not (audited as denied), or the audit row could not be written
     * @throws Refused                the edited file would not load, or cannot be edited in place; nothing saved
     */
    public synchronized Saved map(NewSignal request) throws ActionRefusedException, Refused {
        SecuredActions.Command attempt = new SecuredActions.Command(Permission.EDIT_CONNECTIONS, ACTION,
                target().toString(), null, request.describe(), null);
        try {
            session.require(Permission.EDIT_CONNECTIONS);
        } catch (AccessDeniedException denied) {
            secured.run(attempt, () -> null); // refused again, and audited as denied
            throw denied;
        }
        Edit edit = prepare(request);
        try {
            secured.run(new SecuredActions.Command(Permission.EDIT_CONNECTIONS, ACTION, edit.file().toString(), null,
                    request.describe(), null), () -> {
                ConfigFiles.replace(edit.file(), edit.text());
                return null;
            });
        } catch (IOException e) {
            throw new Refused(e.getMessage(), e);
        }
        apply.accept(edit.mappings());
        return new Saved(edit.file(), request.path());
    }

    /** The edited file, its new text, and the mappings it reads as. */
    private record Edit(Path file, String text, TopicMappings mappings) {
    }

    private Edit prepare(NewSignal request) throws Refused {
        if (request.topic().isBlank() || request.topic().matches(".*[+#{}].*")) {
            throw new Refused("a topic with + # { or } cannot be mapped from the tag browser: " + request.topic(), null);
        }
        try {
            Edit edit = configFile == null ? demoEdit(request) : stationEdit(request);
            TopicResolver.Resolved resolved = new TopicResolver(edit.mappings(), (t, r) -> { }).resolve(request.topic());
            if (resolved == null || resolved.paths().length != 1 || !resolved.paths()[0].equals(request.path())) {
                throw new Refused("an earlier rule of " + edit.file() + " maps " + request.topic() + " to "
                        + (resolved == null ? "nothing" : resolved.paths()[0]) + ", not " + request.path(), null);
            }
            return edit;
        } catch (ConfigException e) {
            throw new Refused(e.getMessage(), e);
        } catch (MappingsText.NotEditable e) {
            throw new Refused(target() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Refused("cannot read " + target() + ": " + e.getMessage(), e);
        }
    }

    private Edit demoEdit(NewSignal request) throws IOException, ConfigException, MappingsText.NotEditable {
        String old = Files.isRegularFile(demoFile) ? read(demoFile)
                : "# The demo's tag mappings, saved by Lineside's tag browser. Delete this file for the built-in demo.\n"
                + "- topic: \"" + prefix + "/{site}/{area}/{line}/{station}/{signal}\"   # the simulator's layout\n";
        String text = MappingsText.addToMappingsFile(old, request);
        return new Edit(demoFile, text, new MappingsSection().readFile(ConfigSource.of("config", demoFile), text,
                TopicMappings.DEFAULT_CLOCK_SKEW));
    }

    private Edit stationEdit(NewSignal request) throws IOException, ConfigException, MappingsText.NotEditable {
        String configText = read(configFile);
        ConfigSource source = ConfigSource.of("config", configFile);
        ConfigNode top = ConfigTree.parse(source, "", configText);
        ConfigNode mappings = top.get("mappings");
        if (mappings.isText()) { // mappings: mappings.yaml
            Path file = top.source().resolve(mappings.text()).toAbsolutePath();
            String text = MappingsText.addToMappingsFile(read(file), request);
            TopicMappings current = new ConfigLoader().read(top).mappings(); // the station file as it stands
            return new Edit(file, text, new MappingsSection().readFile(ConfigSource.of("config", file), text,
                    current.clockSkewLimit()));
        }
        String text = MappingsText.addToStationConfig(configText, request, prefix);
        return new Edit(configFile, text, new ConfigLoader().read(ConfigTree.parse(source, "", text)).mappings());
    }

    private Path target() {
        return configFile == null ? demoFile : configFile;
    }

    private static String read(Path file) throws IOException {
        if (Files.size(file) > ConfigTree.MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than 1 MiB");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
