package io.lineside.ui.window;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Parent;

/**
 * The views that can be opened in a window of their own (for a second monitor), by id: a title key and a factory
 * that builds a fresh view (each window, and each language switch, gets its own). Feature views register here
 * from the composition root. FX thread only.
 */
public final class ViewRegistry {

    /** A view that can have its own window. */
    public record View(String id, String titleKey, Supplier<Parent> factory) {
    }

    private final Map<String, View> views = new LinkedHashMap<>();

    /**
     * Adds a view.
     *
     * @throws IllegalArgumentException if {@code id} is taken or is the main window's
     */
    public void register(String id, String titleKey, Supplier<Parent> factory) {
        if (id.equals(WindowPlacement.MAIN) || views.containsKey(id)) {
            throw new IllegalArgumentException("view id already registered: " + id);
        }
        views.put(id, new View(id, titleKey, factory));
    }

    public Optional<View> find(String id) {
        return Optional.ofNullable(views.get(id));
    }

    /** In registration order (the order of the "open in new window" menu). */
    public List<View> all() {
        return List.copyOf(views.values());
    }
}
