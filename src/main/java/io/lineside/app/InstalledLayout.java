package io.lineside.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where an installed Lineside (a jpackage launcher, which sets {@code jpackage.app-path}, under /opt, Program
 * Files or /Applications) finds its per-machine config, data and logs. Nothing is ever written next to the program.
 *
 * <ul>
 *   <li>Linux: {@code /etc/lineside/station.yaml}, {@code /var/lib/lineside}, {@code /var/lib/lineside/logs}</li>
 *   <li>Windows: {@code %ProgramData%\Lineside\station.yaml}, {@code %ProgramData%\Lineside\data}, {@code ...\logs}</li>
 *   <li>macOS: {@code /Library/Application Support/Lineside/station.yaml}, {@code .../data}, {@code .../logs}</li>
 * </ul>
 *
 * @param configFile the station config used when no {@code --config} is given (if the file exists)
 * @param dataDir    history, security and broker session data, shared by the shift users and the recorder
 * @param logDir     rotating log files
 */
record InstalledLayout(Path configFile, Path dataDir, Path logDir) {

    /** The system property jpackage's launcher sets to the launcher's path. */
    static final String APP_PATH_PROPERTY = "jpackage.app-path";

    /**
     * The layout if this JVM runs from an installed image, else empty (run from Maven, tests, or an app-image
     * in a build tree such as CI's target/jpackage, which must not touch the machine's directories).
     */
    static Optional<InstalledLayout> detect() {
        return detect(System.getProperty(APP_PATH_PROPERTY), System.getProperty("os.name", ""), System.getenv());
    }

    static Optional<InstalledLayout> detect(String appPath, String osName, Map<String, String> env) {
        if (appPath == null || appPath.isBlank() || !isInstallLocation(appPath, osName)) {
            return Optional.empty();
        }
        return Optional.of(forOs(osName, env));
    }

    /** Where installers put programs: /opt or /usr on Linux, Program Files on Windows, /Applications on macOS. */
    static boolean isInstallLocation(String appPath, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        String path = appPath.replace('\\', '/');
        if (os.contains("win")) {
            return path.toLowerCase(Locale.ROOT).contains("/program files");
        }
        if (os.contains("mac")) {
            return path.startsWith("/Applications/");
        }
        return path.startsWith("/opt/") || path.startsWith("/usr/");
    }

    static InstalledLayout forOs(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String programData = env.getOrDefault("ProgramData", env.getOrDefault("PROGRAMDATA", "C:\\ProgramData"));
            Path base = Path.of(programData, "Lineside");
            return new InstalledLayout(base.resolve("station.yaml"), base.resolve("data"), base.resolve("logs"));
        }
        if (os.contains("mac")) {
            Path base = Path.of("/Library/Application Support/Lineside");
            return new InstalledLayout(base.resolve("station.yaml"), base.resolve("data"), base.resolve("logs"));
        }
        Path data = Path.of("/var/lib/lineside");
        return new InstalledLayout(Path.of("/etc/lineside/station.yaml"), data, data.resolve("logs"));
    }
}
