package io.lineside.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    void createsAFileAndItsFolder() throws IOException {
        Path file = dir.resolve("new/layout.yaml");
        ConfigFiles.replace(file, "name: 车间\n");
        assertEquals("name: 车间\n", Files.readString(file));
        assertFalse(Files.exists(ConfigFiles.previous(file)), "nothing came before");
    }

    @Test
    void keepsThePreviousContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("alarms.yaml");
        ConfigFiles.replace(file, "one\n");
        ConfigFiles.replace(file, "two\n");
        ConfigFiles.replace(file, "three\n");
        assertEquals("three\n", Files.readString(file));
        assertEquals("two\n", Files.readString(ConfigFiles.previous(file)));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "the file and its previous version only");
        }
    }

    @Test
    void aSaveThatCannotReplaceNamesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("station.yaml");
        Files.createDirectories(file.resolve("in-the-way")); // a non-empty folder where the file should be
        IOException e = assertThrows(IOException.class, () -> ConfigFiles.replace(file, "new\n"));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(java.util.List.of(file), left.toList(), "no .saving file left behind");
        }
    }
}
