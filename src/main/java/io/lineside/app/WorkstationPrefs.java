package io.lineside.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lineside.ui.theme.Theme;
import io.lineside.ui.window.DisplayPrefs;
import io.lineside.ui.window.WindowPlacement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * This workstation's {@link DisplayPrefs} as {@code display.json} in the data directory. A file that cannot be
 * read is kept aside as {@code display.json.bad} (nothing lost) and the defaults are used, with a warning naming
 * the file and what was wrong. Writes replace the file atomically. Any thread, one at a time.
 */
public final class WorkstationPrefs {

    private static final System.Logger LOG = System.getLogger(WorkstationPrefs.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LANGUAGES = Set.of("en", "zh-CN");

    private final Path file;

    public WorkstationPrefs(Path dataDir) {
        this.file = dataDir.resolve("display.json");
    }

    public Path file() {
        return file;
    }

    /** The saved choices, or {@link DisplayPrefs#DEFAULT} when there are none or the file is unreadable. */
    public synchronized DisplayPrefs load() {
        if (!Files.isRegularFile(file)) {
            return DisplayPrefs.DEFAULT;
        }
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".bad");
            LOG.log(System.Logger.Level.WARNING, "{0}; using the default display settings, the file is kept as {1}",
                    e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.log(System.Logger.Level.WARNING, "cannot keep " + file + " aside", moveFailed);
            }
            return DisplayPrefs.DEFAULT;
        }
    }

    /** Writes {@code prefs}, replacing the file atomically (a crash leaves the old or the new one, never half). */
    public synchronized void save(DisplayPrefs prefs) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(prefs)));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException naming {@code source}, the key and what was expected
     */
    static DisplayPrefs parse(String source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": line " + e.getLocation().getLineNr() + ": not JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object");
        }
        Optional<String> language = Optional.ofNullable(root.get("language")).map(JsonNode::asText);
        if (language.isPresent() && !LANGUAGES.contains(language.get())) {
            throw new IllegalArgumentException(source + ": language: expected en or zh-CN, found \"" + language.get() + "\"");
        }
        String themeName = root.path("theme").asText("light");
        Theme theme = switch (themeName) {
            case "light" -> Theme.LIGHT;
            case "dark" -> Theme.DARK;
            default -> throw new IllegalArgumentException(source + ": theme: expected light or dark, found \""
                    + themeName + "\"");
        };
        List<WindowPlacement> windows = new ArrayList<>();
        JsonNode list = root.path("windows");
        for (int i = 0; i < list.size(); i++) {
            windows.add(placement(source + ": windows[" + i + "]", list.get(i)));
        }
        return new DisplayPrefs(language, theme, root.path("touch").asBoolean(false), windows);
    }

    private static WindowPlacement placement(String where, JsonNode w) {
        String view = w.path("view").asText("");
        if (view.isBlank()) {
            throw new IllegalArgumentException(where + ".view: expected a view id");
        }
        return new WindowPlacement(view, number(where, w, "x"), number(where, w, "y"), number(where, w, "width"),
                number(where, w, "height"), w.path("maximized").asBoolean(false), w.path("screen").asInt(0));
    }

    private static double number(String where, JsonNode w, String key) {
        JsonNode n = w.get(key);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException(where + "." + key + ": expected a number, found " + n);
        }
        return n.asDouble();
    }

    static ObjectNode toJson(DisplayPrefs prefs) {
        ObjectNode root = JSON.createObjectNode();
        prefs.language().ifPresent(l -> root.put("language", l));
        root.put("theme", prefs.theme().name().toLowerCase(Locale.ROOT));
        root.put("touch", prefs.touch());
        ArrayNode windows = root.putArray("windows");
        for (WindowPlacement p : prefs.windows()) {
            windows.addObject().put("view", p.viewId()).put("x", p.x()).put("y", p.y()).put("width", p.width())
                    .put("height", p.height()).put("maximized", p.maximized()).put("screen", p.screen());
        }
        return root;
    }
}
