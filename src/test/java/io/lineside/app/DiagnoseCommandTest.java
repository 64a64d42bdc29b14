package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryWriter;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {

    @TempDir
    Path dir;

    @Test
    void theBundleHasVersionsStatsLogsAndTheConfigWithoutSecrets() throws Exception {
        Path data = dir.resolve("data");
        try (HistoryDatabase db = HistoryDatabase.open(data.resolve("db"))) {
            HistoryWriter writer = new HistoryWriter(db);
            Instant t = Instant.parse("2026-11-26T06:00:00Z");
            writer.accept(new TagUpdate(TagPath.parse("p/a/l/s/t"), TagValue.good(1, t, t, 1)));
            writer.accept(new TagUpdate(TagPath.parse("p/a/l/s/u"), TagValue.good(2, t, t, 1)));
            Eventually.await("2 samples committed", Duration.ofSeconds(10), () -> writer.writtenCount() == 2);
            writer.close();
        }
        Path config = Files.writeString(dir.resolve("station.yaml"), """
                broker:
                  url: tcp://ops:hunter2@broker.plant.local:1883
                  username: press
                  password: hunter2
                  passwordFile: /etc/lineside/broker.password
                extra: {apiToken: hunter2}
                """);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("lineside-op-0.log"), "x".repeat(DiagnoseCommand.LOG_TAIL_BYTES) + "last line\n");
        Path bundle = dir.resolve("bundle.zip");
        int code = DiagnoseCommand.run(bundle, Optional.of(config), Optional.of("key 'x': broken"), data, Optional.of(logs),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        Map<String, String> entries = unzip(bundle);
        assertTrue(entries.get("versions.txt").contains("java " + System.getProperty("java.runtime.version")));
        assertTrue(entries.get("versions.txt").contains("config problem key 'x': broken"), "a broken config is named");
        assertTrue(entries.get("history.txt").contains("samples 2\n"), entries.get("history.txt"));
        assertTrue(entries.get("history.txt").contains("tags 2\n"));
        String redacted = entries.get("config.yaml");
        assertFalse(redacted.contains("hunter2"), redacted);
        assertTrue(redacted.contains("passwordFile: \"/etc/lineside/broker.password\"")
                || redacted.contains("passwordFile: /etc/lineside/broker.password"), redacted);
        assertTrue(redacted.contains("broker.plant.local"), redacted);
        String log = entries.get("logs/lineside-op-0.log");
        assertEquals(DiagnoseCommand.LOG_TAIL_BYTES, log.length(), "only the tail of a long log");
        assertTrue(log.endsWith("last line\n"));
    }

    @Test
    void aConfigThatDoesNotParseIsLeftOutNotCopied() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "broker: [password: hunter2\n");
        String text = DiagnoseCommand.redactedConfig(config);
        assertFalse(text.contains("hunter2"));
        assertTrue(text.contains("left out"));
    }

    private static Map<String, String> unzip(Path bundle) throws Exception {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
