package io.lineside.app;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kiosk mode and touch size are read from the station config (and accepted by its validation). */
class DisplayOptionsTest {

    @TempDir
    Path dir;

    @Test
    void kioskAndTouchComeFromTheConfigAndTheConfigStillLoads() throws Exception {
        Path file = config("kiosk: true\ntouch: true\n");
        assertEquals(new DisplayOptions(true, true), DisplayOptions.read(Optional.of(file)));
        new ConfigLoader().load(file); // the keys are known to the config's own validation
    }

    @Test
    void withoutTheKeysOrAConfigItIsADesktopAndKioskCanComeFromTheCommandLine() throws Exception {
        assertEquals(DisplayOptions.DESKTOP, DisplayOptions.read(Optional.of(config(""))));
        assertEquals(DisplayOptions.DESKTOP, DisplayOptions.read(Optional.empty()));
        assertEquals(new DisplayOptions(true, false), DisplayOptions.DESKTOP.withKiosk(true));
    }

    @Test
    void aValueThatIsNotABooleanIsNamedWithTheFile() throws Exception {
        Path file = config("kiosk: yes please\n");
        assertEquals("config " + file + ":3: key 'kiosk': expected true or false, found \"yes please\"",
                assertThrows(ConfigException.class, () -> DisplayOptions.read(Optional.of(file))).getMessage());
    }

    private Path config(String extra) throws Exception {
        return Files.writeString(dir.resolve("station.yaml"), "broker:\n  url: tcp://broker.plant.local:1883\n" + extra);
    }
}
