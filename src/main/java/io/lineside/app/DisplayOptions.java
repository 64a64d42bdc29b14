package io.lineside.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the station's screen is used, from the config file ({@code kiosk: true}, {@code touch: true}) and the
 * command line ({@code --kiosk}).
 *
 * @param kiosk full screen, no closing without an engineer's sign-in
 * @param touch start in touch size (bigger text, 44 px hit targets); the header toggle can still change it
 */
public record DisplayOptions(boolean kiosk, boolean touch) {

    public static final DisplayOptions DESKTOP = new DisplayOptions(false, false);

    /** The command-line switch for kiosk mode. */
    static final String KIOSK_OPTION = "--kiosk";

    /**
     * Reads {@code kiosk} and {@code touch} from {@code configFile} (absent: false).
     *
     * @throws ConfigException naming the file and key when a value is not {@code true} or {@code false}
     */
    static DisplayOptions read(Optional<Path> configFile) throws ConfigException {
        if (configFile.isEmpty()) {
            return DESKTOP;
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(configFile.get().toFile());
        } catch (IOException e) {
            throw new ConfigException(configFile.get() + ": " + e.getMessage());
        }
        return new DisplayOptions(flag(configFile.get(), root, "kiosk"), flag(configFile.get(), root, "touch"));
    }

    DisplayOptions withKiosk(boolean on) {
        return new DisplayOptions(kiosk || on, touch);
    }

    private static boolean flag(Path file, JsonNode root, String key) throws ConfigException {
        JsonNode n = root == null ? null : root.get(key);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new ConfigException(file + ": " + key + ": expected true or false, found \"" + n.asText() + "\"");
        }
        return n.booleanValue();
    }
}
