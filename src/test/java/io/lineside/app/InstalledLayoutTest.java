package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstalledLayoutTest {

    @Test
    void aBuildRunIsNotInstalled() {
        assertEquals(Optional.empty(), InstalledLayout.detect(null, "Linux", Map.of()));
    }

    @Test
    void anAppImageInABuildTreeIsNotInstalled() {
        assertEquals(Optional.empty(), InstalledLayout.detect("/work/x/target/jpackage/lineside/bin/lineside", "Linux",
                Map.of()));
        assertEquals(Optional.empty(), InstalledLayout.detect("C:\\build\\lineside\\lineside.exe", "Windows 11",
                Map.of()));
        assertEquals(true, InstalledLayout.detect("C:\\Program Files\\lineside\\lineside.exe", "Windows 11",
                Map.of()).isPresent());
    }

    @Test
    void anInstalledLinuxStationUsesEtcAndVarLib() {
        InstalledLayout layout = InstalledLayout.detect("/opt/lineside/bin/lineside", "Linux", Map.of()).orElseThrow();
        assertEquals(Path.of("/etc/lineside/station.yaml"), layout.configFile());
        assertEquals(Path.of("/var/lib/lineside"), layout.dataDir());
        assertEquals(Path.of("/var/lib/lineside/logs"), layout.logDir());
    }

    @Test
    void windowsUsesProgramData() {
        InstalledLayout layout = InstalledLayout.forOs("Windows 11", Map.of("ProgramData", "D:\\PD"));
        assertEquals(Path.of("D:\\PD", "Lineside", "station.yaml"), layout.configFile());
        assertEquals(Path.of("D:\\PD", "Lineside", "data"), layout.dataDir());
    }

    @Test
    void macOsUsesTheMachineWideApplicationSupport() {
        assertEquals(Path.of("/Library/Application Support/Lineside/station.yaml"),
                InstalledLayout.forOs("Mac OS X", Map.of()).configFile());
    }
}
