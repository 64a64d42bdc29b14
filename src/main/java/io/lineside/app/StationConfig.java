package io.lineside.app;

import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.config.ConfigTree;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything a workstation config file says, read once: the file is parsed a single time and each section is
 * validated from that one tree, so every problem names the same file and its line. Immutable.
 *
 * @param app           broker, data directory, language, mappings, commands, Sparkplug, alarms file
 * @param station       the {@code station:} block, or empty when the file has none
 * @param history       how the station keeps history (defaults without a {@code station:} block)
 * @param reportsFolder where shift PDFs go, or empty for {@code <dataDir>/reports}
 * @param display       kiosk and touch from the file (the command line's {@code --kiosk} is added later)
 */
record StationConfig(AppConfig app, Optional<StationProfile> station, HistorySettings history,
                     Optional<Path> reportsFolder, DisplayOptions display) {

    /** No file: the demo. */
    static final StationConfig DEMO = new StationConfig(AppConfig.demo(), Optional.empty(), HistorySettings.DEFAULT,
            Optional.empty(), DisplayOptions.DESKTOP);

    /** Reads and validates {@code file}, all or nothing. Blocking file I/O. */
    static StationConfig read(Path file) throws ConfigException {
        ConfigNode top = ConfigTree.read("config", file);
        AppConfig app = new ConfigLoader().read(top);
        ConfigNode station = top.get("station");
        return new StationConfig(app, StationProfileLoader.read(station), HistorySettings.read(station),
                StationProfileLoader.reportsFolder(station), DisplayOptions.read(top));
    }
}
