package io.lineside.app;

import io.lineside.alarms.AlarmConfigException;
import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.security.SecretFileException;
import io.lineside.security.SecretFiles;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a workstation config file (YAML) into an {@link AppConfig}, all or nothing: the first problem is
 * one {@link ConfigException} naming the file, the key and what was expected.
 */
public final class ConfigLoader {

    private static final Set<String> TOP_KEYS = Set.of("broker", "topicPrefix", "dataDir", "staleAfterSeconds", "language",
            "alarms");
    private static final Set<String> BROKER_KEYS = Set.of("url", "clientId", "username", "passwordFile");
    private static final Pattern URL = Pattern.compile("(tcp|ssl)://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|(tcp|ssl)://\\[[0-9A-Fa-f:]+](:[0-9]{1,5})?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> LANGUAGES = Set.of("en", "zh-CN");
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final YAMLMapper mapper = YAMLMapper.builder(YAMLFactory.builder().build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Loads and validates {@code file}. */
    public AppConfig load(Path file) throws ConfigException {
        JsonNode root = parse(file);
        Fields top = new Fields(file, "", root);
        top.onlyKeys(TOP_KEYS);
        Fields broker = top.object("broker");
        broker.onlyKeys(BROKER_KEYS);
        String url = broker.text("url").orElseThrow(() -> broker.error("url", "a broker URL such as tcp://broker.plant.local:1883", "nothing"));
        if (!URL.matcher(url).matches()) {
            throw broker.error("url", "tcp://host:port or ssl://host:port", quote(url));
        }
        Optional<String> clientId = broker.text("clientId");
        if (clientId.isPresent() && !NAME.matcher(clientId.get()).matches()) {
            throw broker.error("clientId", "1-64 of A-Z a-z 0-9 _ -", quote(clientId.get()));
        }
        Optional<String> username = broker.text("username");
        Optional<String> passwordFile = broker.text("passwordFile");
        Optional<char[]> password = passwordFile.isEmpty() ? Optional.empty()
                : Optional.of(readSecret(broker, resolvePath(file, passwordFile.get())));
        String prefix = top.text("topicPrefix").orElse(AppConfig.DEFAULT_TOPIC_PREFIX);
        if (!NAME.matcher(prefix).matches()) {
            throw top.error("topicPrefix", "1-64 of A-Z a-z 0-9 _ -", quote(prefix));
        }
        Optional<Path> dataDir = top.text("dataDir").map(d -> resolvePath(file, d));
        Duration staleAfter = Duration.ofSeconds(top.integer("staleAfterSeconds", 1, 3600)
                .orElse((int) AppConfig.DEFAULT_STALE_AFTER.toSeconds()));
        Optional<String> language = top.text("language");
        if (language.isPresent() && !LANGUAGES.contains(language.get())) {
            throw top.error("language", "en or zh-CN", quote(language.get()));
        }
        Optional<Path> alarms = top.text("alarms").map(a -> resolvePath(file, a));
        if (alarms.isPresent()) {
            checkAlarms(top, alarms.get());
        }
        return new AppConfig(Optional.of(url), clientId, username, password, prefix, dataDir, staleAfter, language,
                alarms);
    }

    /** Loads the alarm file now so a bad one stops the start with its own precise error, not later. */
    private static void checkAlarms(Fields top, Path alarmsFile) throws ConfigException {
        try {
            new AlarmDefinitionsLoader().load(alarmsFile);
        } catch (AlarmConfigException e) {
            throw top.error("alarms", "a valid alarm definitions file", e.getMessage());
        }
    }

    private JsonNode parse(Path file) throws ConfigException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException("config " + file + ": file is larger than 1 MiB");
            }
            JsonNode root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || !root.isObject()) {
                throw new ConfigException("config " + file + ": expected a mapping of keys (" + String.join(", ", sorted(TOP_KEYS)) + ")");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new ConfigException("config " + file + ": file not found");
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ConfigException("config " + file + ": not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("config " + file + ": cannot be read: " + e.getMessage());
        }
    }

    private static Path resolvePath(Path file, String value) {
        Path p = Path.of(value);
        Path parent = file.toAbsolutePath().getParent();
        return p.isAbsolute() || parent == null ? p : parent.resolve(p).normalize();
    }

    private static char[] readSecret(Fields broker, Path secretFile) throws ConfigException {
        try {
            return SecretFiles.readSecret(secretFile);
        } catch (SecretFileException e) {
            throw broker.error("passwordFile", "an owner-only file (chmod 600) holding the broker password",
                    e.getMessage());
        }
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        list.sort(null);
        return list;
    }

    /** One mapping in the file, with its dotted key prefix for error messages. */
    private record Fields(Path file, String prefix, JsonNode node) {

        ConfigException error(String key, String expected, String found) {
            return new ConfigException("config " + file + ": key '" + prefix + key + "': expected " + expected + ", found " + found);
        }

        void onlyKeys(Set<String> allowed) throws ConfigException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw new ConfigException("config " + file + ": unknown key '" + prefix + key + "'; expected one of "
                            + String.join(", ", sorted(allowed)));
                }
            }
        }

        Fields object(String key) throws ConfigException {
            JsonNode child = node.get(key);
            if (child == null || !child.isObject()) {
                throw error(key, "a mapping with " + String.join(", ", sorted(BROKER_KEYS)), describe(child));
            }
            return new Fields(file, prefix + key + ".", child);
        }

        Optional<String> text(String key) throws ConfigException {
            JsonNode child = node.get(key);
            if (child == null || child.isNull()) {
                return Optional.empty();
            }
            if (!child.isTextual() || child.asText().isBlank()) {
                throw error(key, "a non-empty string", describe(child));
            }
            return Optional.of(child.asText().strip());
        }

        Optional<Integer> integer(String key, int min, int max) throws ConfigException {
            JsonNode child = node.get(key);
            if (child == null || child.isNull()) {
                return Optional.empty();
            }
            if (!child.isIntegralNumber() || child.asLong() < min || child.asLong() > max) {
                throw error(key, "a whole number from " + min + " to " + max, describe(child));
            }
            return Optional.of(child.asInt());
        }

        private static String describe(JsonNode n) {
            if (n == null) {
                return "nothing";
            }
            if (n.isTextual()) {
                return quote(n.asText());
            }
            return n.isContainerNode() ? (n.isArray() ? "a list" : "a mapping") : n.toString();
        }
    }
}
