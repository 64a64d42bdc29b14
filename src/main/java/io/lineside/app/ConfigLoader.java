package io.lineside.app;

import io.lineside.alarms.AlarmConfigException;
import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.security.SecretFileException;
import io.lineside.security.IdlePolicy;
import io.lineside.security.Role;
import io.lineside.security.SecretFiles;
import io.lineside.telemetry.TrustStores;
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
import java.util.EnumMap;
import java.util.Map;
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
            "security", "alarms", "sparkplug", "station", // station: read by StationProfileLoader
            "mappings", "clockSkewSeconds", // read by MappingsSection
            "commands", // read by CommandsSection
            "kiosk", "touch"); // read by DisplayOptions
    private static final Set<String> SECURITY_KEYS = Set.of("idleLockMinutes");
    private static final Map<String, Role> IDLE_ROLES = Map.of("operator", Role.OPERATOR, "supervisor", Role.SUPERVISOR,
            "engineer", Role.ENGINEER, "admin", Role.ADMIN);
    private static final Set<String> BROKER_KEYS = Set.of("url", "failover", "clientId", "username", "passwordFile",
            "truststore", "truststorePasswordFile");
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
        List<String> failover = broker.texts("failover");
        for (int i = 0; i < failover.size(); i++) {
            if (!URL.matcher(failover.get(i)).matches()) {
                throw broker.error("failover[" + i + "]", "tcp://host:port or ssl://host:port", quote(failover.get(i)));
            }
        }
        Optional<AppConfig.Tls> tls = Optional.empty();
        Optional<String> truststore = broker.text("truststore");
        if (truststore.isPresent()) {
            Path store = resolvePath(file, truststore.get());
            if (!Files.isReadable(store)) {
                throw broker.error("truststore", "a readable PEM (.pem, .crt) or PKCS12 (.p12, .pfx) file",
                        "no readable file " + store);
            }
            Optional<String> storePassword = broker.text("truststorePasswordFile");
            Optional<char[]> secret = storePassword.isEmpty() ? Optional.empty()
                    : Optional.of(readSecret(broker, "truststorePasswordFile", resolvePath(file, storePassword.get())));
            try {
                TrustStores.socketFactory(store, secret.orElse(null)); // fail now, not at the first connect
            } catch (IllegalArgumentException e) {
                throw broker.error("truststore", "CA certificates in PEM or a PKCS12 truststore", e.getMessage());
            }
            tls = Optional.of(new AppConfig.Tls(store, secret));
        } else if (broker.text("truststorePasswordFile").isPresent()) {
            throw broker.error("truststore", "a truststore file when truststorePasswordFile is given", "nothing");
        }
        Optional<String> clientId = broker.text("clientId");
        if (clientId.isPresent() && !NAME.matcher(clientId.get()).matches()) {
            throw broker.error("clientId", "1-64 of A-Z a-z 0-9 _ -", quote(clientId.get()));
        }
        Optional<String> username = broker.text("username");
        Optional<String> passwordFile = broker.text("passwordFile");
        Optional<char[]> password = passwordFile.isEmpty() ? Optional.empty()
                : Optional.of(readSecret(broker, "passwordFile", resolvePath(file, passwordFile.get())));
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
        MappingsSection mappings = new MappingsSection(file);
        return new AppConfig(Optional.of(url), clientId, username, password, prefix, dataDir, staleAfter, language,
                failover, tls, idleLock(top), alarms, new SparkplugSection(file).read(top.node()),
                mappings.read(top.node(), prefix), writable(mappings, new CommandsSection(file).read(top.node())));
    }

    /** The mappings' command blocks first, then the {@code commands:} list (the first declaration wins). */
    private static io.lineside.commands.WritableSignals writable(MappingsSection mappings,
                                                              java.util.List<io.lineside.commands.WritableSignal> more) {
        java.util.List<io.lineside.commands.WritableSignal> all = new java.util.ArrayList<>(mappings.writable().all());
        all.addAll(more);
        return new io.lineside.commands.WritableSignals(all);
    }

    /** {@code security.idleLockMinutes}: per role, 1-720 minutes; roles not named keep the default. */
    private static IdlePolicy idleLock(Fields top) throws ConfigException {
        if (top.node().get("security") == null) {
            return IdlePolicy.DEFAULT;
        }
        Fields security = top.object("security", SECURITY_KEYS);
        security.onlyKeys(SECURITY_KEYS);
        if (security.node().get("idleLockMinutes") == null) {
            return IdlePolicy.DEFAULT;
        }
        Fields minutes = security.object("idleLockMinutes", IDLE_ROLES.keySet());
        minutes.onlyKeys(IDLE_ROLES.keySet());
        Map<Role, Duration> timeouts = new EnumMap<>(IdlePolicy.DEFAULT.timeouts());
        for (Map.Entry<String, Role> role : IDLE_ROLES.entrySet()) {
            Optional<Integer> value = minutes.integer(role.getKey(), 1, 720);
            if (value.isPresent()) {
                timeouts.put(role.getValue(), Duration.ofMinutes(value.get()));
            }
        }
        return new IdlePolicy(timeouts);
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

    private static char[] readSecret(Fields broker, String key, Path secretFile) throws ConfigException {
        try {
            return SecretFiles.readSecret(secretFile);
        } catch (SecretFileException e) {
            throw broker.error(key, "an owner-only file (chmod 600) holding the "
                    + (key.equals("passwordFile") ? "broker password" : "truststore password"), e.getMessage());
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
            return object(key, BROKER_KEYS);
        }

        Fields object(String key, Set<String> keys) throws ConfigException {
            JsonNode child = node.get(key);
            if (child == null || !child.isObject()) {
                throw error(key, "a mapping with " + String.join(", ", sorted(keys)), describe(child));
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

        /** A list of non-empty strings, or an empty list when the key is absent. */
        List<String> texts(String key) throws ConfigException {
            JsonNode child = node.get(key);
            if (child == null || child.isNull()) {
                return List.of();
            }
            if (!child.isArray()) {
                throw error(key, "a list of strings", describe(child));
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < child.size(); i++) {
                JsonNode item = child.get(i);
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw error(key + "[" + i + "]", "a non-empty string", describe(item));
                }
                values.add(item.asText().strip());
            }
            return values;
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
