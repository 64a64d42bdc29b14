package io.lineside.ui.window;

import io.lineside.ui.theme.Theme;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This workstation's display choices, kept across restarts (a small JSON file in the data directory).
 *
 * @param language the UI language tag chosen in the header ({@code en}, {@code zh-CN}), or empty for the config's
 * @param theme    day or night
 * @param touch    touch size (bigger text, 44 px hit targets)
 * @param windows  the main window and the views open in windows of their own, as last arranged
 */
public record DisplayPrefs(Optional<String> language, Theme theme, boolean touch, List<WindowPlacement> windows) {

    public static final DisplayPrefs DEFAULT = new DisplayPrefs(Optional.empty(), Theme.LIGHT, false, List.of());

    public DisplayPrefs {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(theme, "theme");
        windows = List.copyOf(windows);
    }

    public DisplayPrefs withLanguage(String tag) {
        return new DisplayPrefs(Optional.of(tag), theme, touch, windows);
    }

    public DisplayPrefs withTheme(Theme t) {
        return new DisplayPrefs(language, t, touch, windows);
    }

    public DisplayPrefs withTouch(boolean on) {
        return new DisplayPrefs(language, theme, on, windows);
    }

    public DisplayPrefs withWindows(List<WindowPlacement> arrangement) {
        return new DisplayPrefs(language, theme, touch, arrangement);
    }
}
