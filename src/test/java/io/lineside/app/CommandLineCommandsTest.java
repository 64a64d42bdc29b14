package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineCommandsTest {

    @Test
    void recordTakesTheUsualOptions() {
        CommandLine cli = CommandLine.parse(List.of("record", "--config", "/etc/lineside/station.yaml"));
        assertEquals(Optional.of("record"), cli.command());
        assertEquals(Optional.of(Path.of("/etc/lineside/station.yaml")), cli.config());
    }

    @Test
    void exportCollectsTagsAndARange() {
        CommandLine cli = CommandLine.parse(List.of("export", "--tag", "p/a/l/s/t", "--tag", "p/a/l/s/u",
                "--from", "2026-11-26T06:00", "--to", "2026-11-26T14:00", "--out", "x.csv"));
        assertEquals(List.of("p/a/l/s/t", "p/a/l/s/u"), cli.export().tags());
        assertEquals(Optional.of("2026-11-26T06:00"), cli.export().from());
        assertEquals(Optional.of(Path.of("x.csv")), cli.out());
    }

    @Test
    void exportNeedsExactlyOneKindOfRange() {
        assertEquals("export needs either --from and --to, or --shift", assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(List.of("export"))).getMessage());
        assertEquals("export needs either --from and --to, or --shift", assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(List.of("export", "--shift", "2026-11-26/early", "--from", "x"))).getMessage());
        assertEquals("export needs both --from and --to", assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(List.of("export", "--from", "2026-11-26T06:00"))).getMessage());
    }

    @Test
    void commandOptionsAreRefusedElsewhere() {
        assertEquals("--tag belongs to the export command", assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(List.of("--tag", "p/a/l/s/t"))).getMessage());
        assertEquals("--out belongs to the export and diagnose commands", assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(List.of("record", "--out", "x"))).getMessage());
        assertEquals("diagnose must come first", assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(List.of("--data-dir", "/d", "diagnose"))).getMessage());
    }
}
