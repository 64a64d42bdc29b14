package io.lineside.app;

import io.lineside.commands.WritableSignals;
import io.lineside.security.IdlePolicy;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.sparkplug.SparkplugSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What this workstation connects to and where it keeps its data. Without a config file the app runs the
 * demo: an embedded broker plus the line simulator.
 *
 * @param brokerUrl   {@code tcp://host:port} or {@code ssl://host:port}; empty in demo mode
 * @param clientId    the MQTT client id; empty to derive one from the host name and install id
 * @param username    broker user name, or empty
 * @param password    broker password (read from {@code passwordFile}), or empty
 * @param topicPrefix first topic level of the telemetry ({@code lineside})
 * @param dataDir     where history and state live; empty for the per-user default
 * @param staleAfter  a tag with no update for this long turns STALE
 * @param language    UI language tag ({@code en}, {@code zh-CN}), or empty for the system default
 * @param failover    further broker URLs, tried in order when the first is unreachable
 * @param tls         the site CA for {@code ssl://} brokers, or empty for the JDK's default trust
 * @param idleLock    how long each role may stay idle before the session locks
 * @param alarmsFile  the alarm definitions (validated when the config is loaded); empty for the shipped demo alarms
 * @param sparkplug   the Sparkplug B host (a second, clean-session link to the same broker), or empty for none
 * @param mappings    which topics carry which tags ({@code mappings:}); by default today's layout under the prefix
 * @param commands    the signals a mapping declares writable ({@code command:}); none by default
 */
public record AppConfig(Optional<String> brokerUrl, Optional<String> clientId, Optional<String> username,
                        Optional<char[]> password, String topicPrefix, Optional<Path> dataDir, Duration staleAfter,
                        Optional<String> language, List<String> failover, Optional<Tls> tls, IdlePolicy idleLock,
                        Optional<Path> alarmsFile, Optional<SparkplugSettings> sparkplug, TopicMappings mappings,
                        WritableSignals commands) {

    /** A truststore file (PEM CA certificates or PKCS12) and its password (PKCS12 only). */
    public record Tls(Path truststore, Optional<char[]> password) {
    }

    public static final String DEFAULT_TOPIC_PREFIX = "lineside";
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(5);

    public AppConfig {
        failover = List.copyOf(failover);
        mappings = mappings == null ? TopicMappings.defaults(topicPrefix) : mappings;
        commands = commands == null ? WritableSignals.NONE : commands;
    }

    /** Nothing writable. */
    public AppConfig(Optional<String> brokerUrl, Optional<String> clientId, Optional<String> username,
                     Optional<char[]> password, String topicPrefix, Optional<Path> dataDir, Duration staleAfter,
                     Optional<String> language, List<String> failover, Optional<Tls> tls, IdlePolicy idleLock,
                     Optional<Path> alarmsFile, Optional<SparkplugSettings> sparkplug, TopicMappings mappings) {
        this(brokerUrl, clientId, username, password, topicPrefix, dataDir, staleAfter, language, failover, tls,
                idleLock, alarmsFile, sparkplug, mappings, null);
    }

    /** With the default mappings under {@code topicPrefix}. */
    public AppConfig(Optional<String> brokerUrl, Optional<String> clientId, Optional<String> username,
                     Optional<char[]> password, String topicPrefix, Optional<Path> dataDir, Duration staleAfter,
                     Optional<String> language, List<String> failover, Optional<Tls> tls, IdlePolicy idleLock,
                     Optional<Path> alarmsFile, Optional<SparkplugSettings> sparkplug) {
        this(brokerUrl, clientId, username, password, topicPrefix, dataDir, staleAfter, language, failover, tls,
                idleLock, alarmsFile, sparkplug, null);
    }

    /** Without a Sparkplug host. */
    public AppConfig(Optional<String> brokerUrl, Optional<String> clientId, Optional<String> username,
                     Optional<char[]> password, String topicPrefix, Optional<Path> dataDir, Duration staleAfter,
                     Optional<String> language, List<String> failover, Optional<Tls> tls, IdlePolicy idleLock,
                     Optional<Path> alarmsFile) {
        this(brokerUrl, clientId, username, password, topicPrefix, dataDir, staleAfter, language, failover, tls,
                idleLock, alarmsFile, Optional.empty());
    }

    /** One broker, default trust and idle lock, the shipped demo alarms. */
    public AppConfig(Optional<String> brokerUrl, Optional<String> clientId, Optional<String> username,
                     Optional<char[]> password, String topicPrefix, Optional<Path> dataDir, Duration staleAfter,
                     Optional<String> language) {
        this(brokerUrl, clientId, username, password, topicPrefix, dataDir, staleAfter, language, List.of(),
                Optional.empty(), IdlePolicy.DEFAULT, Optional.empty());
    }

    /** The demo: embedded broker and simulator, default data directory. */
    public static AppConfig demo() {
        return new AppConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_TOPIC_PREFIX, Optional.empty(), DEFAULT_STALE_AFTER, Optional.empty());
    }

    public boolean isDemo() {
        return brokerUrl.isEmpty();
    }

    public AppConfig withDataDir(Path dir) {
        return new AppConfig(brokerUrl, clientId, username, password, topicPrefix, Optional.of(dir), staleAfter, language,
                failover, tls, idleLock, alarmsFile, sparkplug, mappings, commands);
    }

    /** The same workstation with other mappings (the demo's saved ones, or an edit applied in the app). */
    public AppConfig withMappings(TopicMappings other) {
        return new AppConfig(brokerUrl, clientId, username, password, topicPrefix, dataDir, staleAfter, language,
                failover, tls, idleLock, alarmsFile, sparkplug, other, commands);
    }

    public AppConfig withLanguage(String tag) {
        return new AppConfig(brokerUrl, clientId, username, password, topicPrefix, dataDir, staleAfter, Optional.of(tag),
                failover, tls, idleLock, alarmsFile, sparkplug, mappings, commands);
    }
}
