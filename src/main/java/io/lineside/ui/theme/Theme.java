package io.lineside.ui.theme;

import java.util.List;

/** The day (light grey) and night (dark grey) variants of the high-performance theme, as stylesheet resources. */
public enum Theme {
    LIGHT(List.of(Theme.BASE)),
    /** The base sheet plus the night variables, in that order (the later one wins). */
    DARK(List.of(Theme.BASE, "/io/lineside/ui/lineside-dark.css"));

    private static final String BASE = "/io/lineside/ui/lineside.css";

    private final List<String> stylesheets;

    Theme(List<String> stylesheets) {
        this.stylesheets = stylesheets;
    }

    /** Classpath resource paths, in load order. */
    public List<String> stylesheets() {
        return stylesheets;
    }

    /** The stylesheets as URLs, in load order, for {@code Scene.getStylesheets()}. */
    public List<String> stylesheetUrls() {
        return stylesheets.stream().map(s -> Theme.class.getResource(s).toExternalForm()).toList();
    }
}
