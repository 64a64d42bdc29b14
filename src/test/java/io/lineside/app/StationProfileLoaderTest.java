package io.lineside.app;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationProfileLoaderTest {

    @TempDir
    Path dir;

    @Test
    void everyStationInJlinkConfigLoadsAndIsNamedLikeItsFile() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("jlink-config/stations"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            StationProfile p = new StationProfileLoader().load(f).orElseThrow();
            assertEquals(f.getFileName().toString().replace(".yaml", ""), p.name(), f.toString());
            assertTrue(p.layout().map(Path::isAbsolute).orElse(true), f + ": installed paths are absolute");
        }
    }

    @Test
    void aConfigWithoutStationBlockHasNoProfile() throws Exception {
        assertEquals(Optional.empty(), new StationProfileLoader().load(write("broker: {url: tcp://b:1883}\n")));
    }

    @Test
    void readsShowShiftsAndRetention() throws Exception {
        StationProfile p = new StationProfileLoader().load(write("""
                broker: {url: tcp://b:1883}
                station:
                  name: s1
                  show: {areas: [press], lines: [line1, line2]}
                  layout: layouts/s1.yaml
                  shifts:
                    - {name: night, start: "22:00", end: "06:00"}
                  retentionDays: 7
                """)).orElseThrow();
        assertEquals(List.of("line1", "line2"), p.lines());
        assertEquals(Optional.of(dir.resolve("layouts/s1.yaml")), p.layout());
        assertEquals(new StationProfile.Shift("night", LocalTime.of(22, 0), LocalTime.of(6, 0)), p.shift("night").orElseThrow());
        assertEquals(7, p.retentionDays());
        assertEquals(true, p.shows(new io.lineside.tags.StationId("plant", "press", "line2", "p1")));
        assertEquals(false, p.shows(new io.lineside.tags.StationId("plant", "press", "line3", "p1")));
        assertEquals(false, p.shows(new io.lineside.tags.StationId("plant", "paint", "line1", "p1")));
        assertEquals(StationProfile.DEFAULT_RETENTION_DAYS, new StationProfileLoader()
                .load(write("station: {name: s2}\n")).orElseThrow().retentionDays());
    }

    @Test
    void readsCrewsAndTheZoneIntoADstAwareCalendar() throws Exception {
        StationProfile p = new StationProfileLoader().load(write("""
                station:
                  name: s1
                  zone: Europe/Berlin
                  shifts:
                    - {name: early, start: "06:00", end: "14:00", crew: A}
                    - {name: night, start: "22:00", end: "06:00", crew: C}
                """)).orElseThrow();
        assertEquals(java.time.ZoneId.of("Europe/Berlin"), p.zone());
        assertEquals("C", p.shift("night").orElseThrow().crew());
        io.lineside.shifts.ShiftPeriod night = p.calendar().period(java.time.LocalDate.of(2026, 3, 28), "night");
        assertEquals(java.time.Duration.ofHours(7), night.length());
        assertEquals("C", night.definition().crew());
        assertEquals(java.time.ZoneId.systemDefault(), new StationProfileLoader().load(write("station: {name: s2}\n"))
                .orElseThrow().zone());
    }

    @Test
    void readsOeeSettings() throws Exception {
        StationProfile p = new StationProfileLoader().load(write("""
                station:
                  name: s1
                  oee:
                    idealCycleSeconds: {press: 2.5, pack: 3}
                    flow: [press, pack]
                    idlePlanned: true
                    staleAfterSeconds: 60
                """)).orElseThrow();
        io.lineside.shifts.OeeSettings oee = p.oee().orElseThrow();
        assertEquals(java.time.Duration.ofMillis(2500), oee.idealCycle("press"));
        assertEquals(java.time.Duration.ofSeconds(3), oee.idealCycle("pack"));
        assertEquals(null, oee.idealCycle("weld"));
        assertEquals(List.of("press", "pack"), oee.flowOrder());
        assertTrue(oee.idlePlanned());
        assertEquals(java.time.Duration.ofSeconds(60), oee.staleAfter());
        assertTrue(new StationProfileLoader().load(write("station: {name: s2}\n")).orElseThrow().oee().isEmpty());
    }

    @Test
    void badOeeSettingsNameTheKey() throws Exception {
        Path zero = write("station: {name: s1, oee: {idealCycleSeconds: {press: 0}}}\n");
        assertTrue(assertThrows(ConfigException.class, () -> new StationProfileLoader().load(zero)).getMessage()
                .endsWith("key 'station.oee.idealCycleSeconds.press': expected seconds per part, more than 0 and at most "
                        + "86400, found 0"));
        Path unknown = write("station: {name: s1, oee: {idealCycle: {press: 2}}}\n");
        assertTrue(assertThrows(ConfigException.class, () -> new StationProfileLoader().load(unknown)).getMessage()
                .contains("unknown key 'station.oee.idealCycle'"));
        Path planned = write("station: {name: s1, oee: {idlePlanned: sometimes}}\n");
        assertTrue(assertThrows(ConfigException.class, () -> new StationProfileLoader().load(planned)).getMessage()
                .endsWith("key 'station.oee.idlePlanned': expected true or false, found \"sometimes\""));
    }

    @Test
    void badZoneOrCrewNamesTheKey() throws Exception {
        Path zone = write("station: {name: s1, zone: Mars/Olympus}\n");
        assertTrue(assertThrows(ConfigException.class, () -> new StationProfileLoader().load(zone)).getMessage()
                .endsWith("key 'station.zone': expected an IANA time zone such as \"Europe/Berlin\" or "
                        + "\"Asia/Shanghai\", found \"Mars/Olympus\""));
        Path crew = write("station:\n  name: s1\n  shifts:\n    - {name: early, start: \"06:00\", end: \"14:00\", crew: [a]}\n");
        assertTrue(assertThrows(ConfigException.class, () -> new StationProfileLoader().load(crew)).getMessage()
                .contains("key 'station.shifts[0].crew': expected 1-64 of A-Z a-z 0-9 _ -"));
    }

    @Test
    void mistakesNameTheFileAndKey() throws Exception {
        Path badTime = write("station:\n  name: s1\n  shifts:\n    - {name: early, start: 6am, end: \"14:00\"}\n");
        assertEquals("config " + badTime + ":4: key 'station.shifts[0].start': expected a time HH:MM, e.g. "
                + "\"06:00\", found \"6am\"", assertThrows(ConfigException.class,
                () -> new StationProfileLoader().load(badTime)).getMessage());
        Path unknown = write("station: {name: s1, areaz: [a]}\n");
        assertTrue(assertThrows(ConfigException.class, () -> new StationProfileLoader().load(unknown)).getMessage()
                .contains("unknown key 'station.areaz'"));
        Path retention = write("station: {name: s1, retentionDays: 0}\n");
        assertTrue(assertThrows(ConfigException.class, () -> new StationProfileLoader().load(retention)).getMessage()
                .endsWith("key 'station.retentionDays': expected a whole number of days from 1 to 3650, found 0"));
    }

    @Test
    void reportsFolderIsRelativeToTheConfigFileAndOptional() throws Exception {
        StationProfileLoader loader = new StationProfileLoader();
        Path relative = write("station: {name: s1, reportsFolder: shift-pdfs}\n");
        assertEquals(Optional.of(dir.resolve("shift-pdfs")), loader.reportsFolder(relative));
        Path absolute = write("station: {name: s1, reportsFolder: /srv/reports}\n");
        assertEquals(Optional.of(Path.of("/srv/reports")), loader.reportsFolder(absolute));
        assertEquals(Optional.empty(), loader.reportsFolder(write("station: {name: s1}\n")));
        assertEquals(Optional.empty(), loader.reportsFolder(write("broker: {url: tcp://b:1883}\n")));
        Path blank = write("station: {name: s1, reportsFolder: \"\"}\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.reportsFolder(blank)).getMessage()
                .contains("key 'station.reportsFolder': expected a file path"));
        Path number = write("station: {name: s1, reportsFolder: 7}\n");
        assertTrue(assertThrows(ConfigException.class, () -> loader.reportsFolder(number)).getMessage()
                .contains("key 'station.reportsFolder': expected a file path"));
    }

    private Path write(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "station", ".yaml");
        return Files.writeString(f, yaml);
    }
}
