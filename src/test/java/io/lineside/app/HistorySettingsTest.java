package io.lineside.app;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.RetentionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistorySettingsTest {

    @TempDir
    Path dir;

    @Test
    void stationKeysSetRetentionAndStoreOnChangeAndMissingKeysKeepTheDefaults() throws Exception {
        Path file = write("station:\n  name: press-1\n  retentionDays: 90\n  maxHistoryMb: 500\n"
                + "  historyDeadband: 0.05\n  historyMaxIntervalSeconds: 300\n");
        HistorySettings settings = new StationProfileLoader().history(file);
        assertEquals(RetentionPolicy.of(90, 500), settings.retention());
        assertEquals(0.05, settings.deadband());
        assertEquals(Duration.ofSeconds(300), settings.maxInterval());
        new StationProfileLoader().load(file); // the profile loader accepts the new keys

        assertEquals(HistorySettings.DEFAULT, new StationProfileLoader().history(write("station:\n  name: press-1\n")));
        assertEquals(HistorySettings.DEFAULT, new StationProfileLoader().history(write("topicPrefix: x\n")));
    }

    @Test
    void badValueNamesFileKeyAndWhatWasExpected() throws Exception {
        Path file = write("station:\n  name: press-1\n  maxHistoryMb: lots\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new StationProfileLoader().history(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("'station.maxHistoryMb'")
                && e.getMessage().contains("whole number of MB") && e.getMessage().contains("\"lots\""), e.getMessage());
        Path negative = write("station:\n  name: press-1\n  historyDeadband: -1\n");
        assertThrows(ConfigException.class, () -> new StationProfileLoader().history(negative));
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "station", ".yaml"), yaml);
    }
}
