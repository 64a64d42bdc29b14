package io.lineside.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Rotating log files for the installed app ({@code <logDir>/lineside-<user>-<n>.log}, 3 × 5 MB per user), so
 * {@code lineside diagnose} can collect them. Console logging stays as it is.
 */
final class FileLogs {

    static final int LIMIT_BYTES = 5 * 1024 * 1024;
    static final int COUNT = 3;

    private FileLogs() {
    }

    /** Adds the file handler to the root logger; a log directory we cannot write to is reported, not fatal. */
    static void install(Path logDir) {
        String user = System.getProperty("user.name", "user").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        try {
            Files.createDirectories(logDir);
            FileHandler handler = new FileHandler(logDir.resolve("lineside-" + user + "-%g.log").toString(),
                    LIMIT_BYTES, COUNT, true);
            handler.setFormatter(new SimpleFormatter());
            Logger.getLogger("").addHandler(handler);
        } catch (IOException | SecurityException e) {
            System.err.println("lineside: no log file in " + logDir + ": " + e.getMessage());
        }
    }
}
