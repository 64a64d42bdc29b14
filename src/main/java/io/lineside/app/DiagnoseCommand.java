package io.lineside.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryException;
import io.lineside.history.HistoryQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code lineside diagnose}: a zip for support with {@code versions.txt}, {@code config.yaml} (secrets
 * removed), {@code history.txt} (H2 file sizes, schema version, sample and tag counts) and {@code logs/} (the
 * tail of each log file, and of the recorder's journal where systemd has one). Never contains a password:
 * values of keys naming a password, secret or token are replaced, and so is the password part of a URL.
 * Exit codes: 0 written, 1 the bundle could not be written.
 */
final class DiagnoseCommand {

    static final int LOG_TAIL_BYTES = 256 * 1024;
    static final String REDACTED = "<removed>";
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token|credential).*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(//[^:/@\\s]+:)[^@\\s]*@");

    private DiagnoseCommand() {
    }

    /**
     * Writes the bundle to {@code bundle}.
     *
     * @param configFile    the station config in use, if any
     * @param configProblem why that config does not load, if it does not (the bundle is written all the same)
     * @param logDir        where the installed app keeps its logs, if installed
     */
    static int run(Path bundle, Optional<Path> configFile, Optional<String> configProblem, Path dataDir,
                   Optional<Path> logDir, PrintStream out, PrintStream err) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            entry(zip, "versions.txt", versions(configFile, dataDir, logDir)
                    + configProblem.map(p -> "config problem " + p + "\n").orElse(""));
            if (configFile.isPresent()) {
                entry(zip, "config.yaml", redactedConfig(configFile.get()));
            }
            entry(zip, "history.txt", historyStats(dataDir.resolve("db")));
            Path counters = dataDir.resolve(RecorderSummary.FILE);
            entry(zip, "recorder-counters.txt", Files.exists(counters) ? Files.readString(counters, StandardCharsets.UTF_8)
                    : "no recorder counters in " + dataDir + " (the recorder writes them every minute and at stop)\n");
            if (logDir.isPresent() && Files.isDirectory(logDir.get())) {
                try (Stream<Path> logs = Files.list(logDir.get())) {
                    for (Path log : logs.filter(p -> p.getFileName().toString().contains(".log")).sorted().toList()) {
                        entry(zip, "logs/" + log.getFileName(), tail(log));
                    }
                }
            }
            Optional<String> journal = journal();
            if (journal.isPresent()) {
                entry(zip, "logs/recorder-journal.txt", journal.get());
            }
        } catch (IOException e) {
            err.println("lineside diagnose: cannot write " + bundle + ": " + e.getMessage());
            return 1;
        }
        out.println("lineside diagnose: wrote " + bundle.toAbsolutePath());
        return 0;
    }

    static String versions(Optional<Path> configFile, Path dataDir, Optional<Path> logDir) {
        StringBuilder s = new StringBuilder();
        s.append("lineside ").append(moduleVersion("io.lineside")
                .orElse(System.getProperty("jpackage.app-version", "development build"))).append('\n');
        s.append("javafx ").append(moduleVersion("javafx.graphics").orElse("unknown")).append('\n');
        s.append("java ").append(System.getProperty("java.runtime.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append(")\n");
        s.append("os ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        s.append("installed ").append(Optional.ofNullable(System.getProperty(InstalledLayout.APP_PATH_PROPERTY))
                .orElse("no (run from a build)")).append('\n');
        s.append("config ").append(configFile.map(Path::toString).orElse("none (demo)")).append('\n');
        s.append("data dir ").append(dataDir).append('\n');
        s.append("log dir ").append(logDir.map(Path::toString).orElse("none (logs go to the console)")).append('\n');
        s.append("user ").append(System.getProperty("user.name")).append('\n');
        s.append("time ").append(Instant.now()).append('\n');
        return s.toString();
    }

    /** The config file with secrets replaced; a file that does not parse is left out, not copied raw. */
    static String redactedConfig(Path file) {
        YAMLMapper yaml = new YAMLMapper();
        try {
            JsonNode root = yaml.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null) {
                return "# " + file + " is empty\n";
            }
            redact(root);
            return "# " + file + " with secrets removed\n" + yaml.writeValueAsString(root);
        } catch (IOException e) {
            return "# " + file + " left out: it does not parse as YAML (" + e.getClass().getSimpleName() + ")\n";
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> field : fields) {
                String key = field.getKey();
                boolean reference = key.toLowerCase(Locale.ROOT).endsWith("file"); // a path, not the secret itself
                if (SECRET_KEY.matcher(key).matches() && !reference && field.getValue().isValueNode()) {
                    object.put(key, REDACTED);
                } else if (field.getValue().isTextual()) {
                    object.set(key, new TextNode(URL_PASSWORD.matcher(field.getValue().asText()).replaceAll("$1" + REDACTED + "@")));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isTextual()) {
                    ((ArrayNode) node).set(i,
                            new TextNode(URL_PASSWORD.matcher(item.asText()).replaceAll("$1" + REDACTED + "@")));
                } else {
                    redact(item);
                }
            }
        }
    }

    static String historyStats(Path dbDir) {
        StringBuilder s = new StringBuilder();
        Path file = dbDir.resolve("history.mv.db");
        if (!Files.exists(file)) {
            return "no history database in " + dbDir + "\n";
        }
        try (Stream<Path> files = Files.list(dbDir)) {
            for (Path p : files.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    s.append("file ").append(p.getFileName()).append(' ').append(Files.size(p)).append(" bytes\n");
                }
            }
        } catch (IOException e) {
            s.append("cannot list ").append(dbDir).append(": ").append(e.getMessage()).append('\n');
        }
        try (HistoryDatabase db = HistoryDatabase.open(dbDir)) {
            HistoryQuery query = new HistoryQuery(db);
            s.append("schema version ").append(db.schemaVersion()).append('\n');
            s.append("samples ").append(query.sampleCount()).append('\n');
            s.append("tags ").append(query.tags().size()).append('\n');
            db.quarantined().ifPresent(q -> s.append("damaged file moved to ").append(q).append('\n'));
        } catch (HistoryException e) {
            s.append("not opened: ").append(e.getMessage()).append('\n');
        }
        return s.toString();
    }

    private static String tail(Path log) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = Math.max(0, all.length - LOG_TAIL_BYTES);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** The recorder service's recent journal, where journalctl exists and answers within 10 s. */
    private static Optional<String> journal() {
        if (!Files.isExecutable(Path.of("/usr/bin/journalctl")) && !Files.isExecutable(Path.of("/bin/journalctl"))) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("journalctl", "-u", "lineside-recorder", "-n", "500", "--no-pager")
                    .redirectErrorStream(true).start();
            byte[] text = p.getInputStream().readNBytes(LOG_TAIL_BYTES);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return Optional.of(new String(text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<String> moduleVersion(String module) {
        return ModuleLayer.boot().findModule(module).flatMap(m -> m.getDescriptor().rawVersion());
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
