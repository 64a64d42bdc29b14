package io.lineside.app;

import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.security.SecretFileException;
import io.lineside.security.IdlePolicy;
import io.lineside.security.Role;
import io.lineside.security.SecretFiles;
import io.lineside.telemetry.TrustStores;
import io.lineside.telemetry.mapping.MappingsSection;
import io.lineside.telemetry.sparkplug.SparkplugSection;
import io.lineside.commands.CommandsSection;
import io.lineside.commands.WritableSignal;
import io.lineside.commands.WritableSignals;
import io.lineside.config.ConfigException;
import io.lineside.config.ConfigNode;
import io.lineside.config.ConfigTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a workstation config file (YAML) into an {@link AppConfig}, all or nothing: the first problem is
 * one {@link ConfigException} naming the file, the line, the key and what was expected. The file is parsed by
 * {@link ConfigTree}; {@link StationConfig} reads it once for every section.
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

    /** Loads and validates {@code file}. */
    public AppConfig load(Path file) throws ConfigException {
        return read(ConfigTree.read("config", file));
    }

    /** Validates the parsed file {@code top} (its top level). */
    AppConfig read(ConfigNode top) throws ConfigException {
        if (!top.isMapping()) {
            throw top.problem("expected a mapping of keys (" + String.join(", ", new TreeSet<>(TOP_KEYS)) + ")");
        }
        top.onlyKeys(TOP_KEYS);
        ConfigNode broker = top.get("broker").mapping(BROKER_KEYS);
        ConfigNode urlNode = broker.get("url");
        String url = urlNode.requiredText("a broker URL such as tcp://broker.plant.local:1883");
        if (!URL.matcher(url).matches()) {
            throw urlNode.error("tcp://host:port or ssl://host:port");
        }
        ConfigNode failoverNode = broker.get("failover");
        List<String> failover = failoverNode.texts();
        for (int i = 0; i < failover.size(); i++) {
            if (!URL.matcher(failover.get(i)).matches()) {
                throw failoverNode.items().get(i).error("tcp://host:port or ssl://host:port");
            }
        }
        Optional<AppConfig.Tls> tls = Optional.empty();
        ConfigNode truststoreNode = broker.get("truststore");
        Optional<String> truststore = truststoreNode.optionalText();
        if (truststore.isPresent()) {
            Path store = top.source().resolve(truststore.get());
            if (!Files.isReadable(store)) {
                throw truststoreNode.error("a readable PEM (.pem, .crt) or PKCS12 (.p12, .pfx) file",
                        "no readable file " + store);
            }
            ConfigNode storePassword = broker.get("truststorePasswordFile");
            Optional<char[]> secret = storePassword.optionalText().isEmpty() ? Optional.empty()
                    : Optional.of(readSecret(storePassword));
            try {
                TrustStores.socketFactory(store, secret.orElse(null)); // fail now, not at the first connect
            } catch (IllegalArgumentException e) {
                throw truststoreNode.error("CA certificates in PEM or a PKCS12 truststore", e.getMessage());
            }
            tls = Optional.of(new AppConfig.Tls(store, secret));
        } else if (broker.get("truststorePasswordFile").optionalText().isPresent()) {
            throw truststoreNode.error("a truststore file when truststorePasswordFile is given");
        }
        ConfigNode clientIdNode = broker.get("clientId");
        Optional<String> clientId = clientIdNode.optionalText();
        if (clientId.isPresent() && !NAME.matcher(clientId.get()).matches()) {
            throw clientIdNode.error("1-64 of A-Z a-z 0-9 _ -");
        }
        Optional<String> username = broker.get("username").optionalText();
        ConfigNode passwordFile = broker.get("passwordFile");
        Optional<char[]> password = passwordFile.optionalText().isEmpty() ? Optional.empty()
                : Optional.of(readSecret(passwordFile));
        ConfigNode prefixNode = top.get("topicPrefix");
        String prefix = prefixNode.optionalText().orElse(AppConfig.DEFAULT_TOPIC_PREFIX);
        if (!NAME.matcher(prefix).matches()) {
            throw prefixNode.error("1-64 of A-Z a-z 0-9 _ -");
        }
        Optional<Path> dataDir = top.get("dataDir").optionalText().map(d -> top.source().resolve(d));
        Duration staleAfter = Duration.ofSeconds(top.get("staleAfterSeconds").optionalInt(1, 3600)
                .orElse((int) AppConfig.DEFAULT_STALE_AFTER.toSeconds()));
        ConfigNode languageNode = top.get("language");
        Optional<String> language = languageNode.optionalText();
        if (language.isPresent() && !LANGUAGES.contains(language.get())) {
            throw languageNode.error("en or zh-CN");
        }
        ConfigNode alarmsNode = top.get("alarms");
        Optional<Path> alarms = alarmsNode.optionalText().map(a -> top.source().resolve(a));
        if (alarms.isPresent()) {
            checkAlarms(alarmsNode, alarms.get());
        }
        MappingsSection mappings = new MappingsSection();
        return new AppConfig(Optional.of(url), clientId, username, password, prefix, dataDir, staleAfter, language,
                failover, tls, idleLock(top.get("security")), alarms, SparkplugSection.read(top.get("sparkplug")),
                mappings.read(top, prefix), writable(mappings, CommandsSection.read(top.get("commands"))));
    }

    /** The mappings' command blocks first, then the {@code commands:} list (the first declaration wins). */
    private static WritableSignals writable(MappingsSection mappings, List<WritableSignal> more) {
        List<WritableSignal> all = new ArrayList<>(mappings.writable().all());
        all.addAll(more);
        return new WritableSignals(all);
    }

    /** {@code security.idleLockMinutes}: per role, 1-720 minutes; roles not named keep the default. */
    private static IdlePolicy idleLock(ConfigNode security) throws ConfigException {
        if (security.isAbsent()) {
            return IdlePolicy.DEFAULT;
        }
        ConfigNode minutes = security.mapping(SECURITY_KEYS).get("idleLockMinutes");
        if (minutes.isAbsent()) {
            return IdlePolicy.DEFAULT;
        }
        minutes.mapping(IDLE_ROLES.keySet());
        Map<Role, Duration> timeouts = new EnumMap<>(IdlePolicy.DEFAULT.timeouts());
        for (Map.Entry<String, Role> role : IDLE_ROLES.entrySet()) {
            Optional<Integer> value = minutes.get(role.getKey()).optionalInt(1, 720);
            if (value.isPresent()) {
                timeouts.put(role.getValue(), Duration.ofMinutes(value.get()));
            }
        }
        return new IdlePolicy(timeouts);
    }

    /** Loads the alarm file now so a bad one stops the start with its own precise error, not later. */
    private static void checkAlarms(ConfigNode alarms, Path alarmsFile) throws ConfigException {
        try {
            new AlarmDefinitionsLoader().load(alarmsFile);
        } catch (ConfigException e) {
            throw alarms.error("a valid alarm definitions file", e.getMessage());
        }
    }

    private static char[] readSecret(ConfigNode key) throws ConfigException {
        try {
            return SecretFiles.readSecret(key.source().resolve(key.text().strip()));
        } catch (SecretFileException e) {
            throw key.error("an owner-only file (chmod 600) holding the "
                    + (key.key().endsWith("passwordFile") && !key.key().endsWith("truststorePasswordFile")
                    ? "broker password" : "truststore password"), e.getMessage());
        }
    }
}
