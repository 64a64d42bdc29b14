package io.lineside.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a user's Lineside data lives when neither the command line nor the config says otherwise. */
final class DataDirectories {

    private DataDirectories() {
    }

    /**
     * Linux: {@code $XDG_DATA_HOME/lineside} or {@code ~/.local/share/lineside}; Windows:
     * {@code %LOCALAPPDATA%\Lineside}; macOS: {@code ~/Library/Application Support/Lineside}.
     */
    static Path defaultDataDir(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local))
                    .resolve("Lineside");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Lineside");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() || !Path.of(xdg).isAbsolute()
                ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("lineside");
    }

    static Path defaultDataDir() {
        return defaultDataDir(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }
}
