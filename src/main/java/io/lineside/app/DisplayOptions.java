package io.lineside.app;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.config.ConfigTree;
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
     * @throws ConfigException naming the file, line and key when a value is not {@code true} or {@code false}
     */
    static DisplayOptions read(Optional<Path> configFile) throws ConfigException {
        return configFile.isEmpty() ? DESKTOP : read(ConfigTree.read("config", configFile.get()));
    }

    /** Reads {@code kiosk} and {@code touch} from the file's top level {@code top} (absent: false). */
    static DisplayOptions read(ConfigNode top) throws ConfigException {
        return new DisplayOptions(top.get("kiosk").bool(false), top.get("touch").bool(false));
    }

    DisplayOptions withKiosk(boolean on) {
        return new DisplayOptions(kiosk || on, touch);
    }
}
