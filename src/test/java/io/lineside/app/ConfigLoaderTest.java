package io.lineside.app;

import io.lineside.config.ConfigException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("station.yaml"), yaml);
    }

    @Test
    void fullConfigLoadsWithRelativePathsResolvedAgainstTheFile() throws Exception {
        Files.writeString(dir.resolve("broker.secret"), "s3cret\n");
        Files.setPosixFilePermissions(dir.resolve("broker.secret"), PosixFilePermissions.fromString("rw-------"));
        AppConfig config = new ConfigLoader().load(write("""
                broker:
                  url: ssl://broker.plant.local:8883
                  clientId: lineside-cr1
                  username: hmi
                  passwordFile: broker.secret
                topicPrefix: plant
                dataDir: data
                staleAfterSeconds: 15
                language: zh-CN
                """));
        assertFalse(config.isDemo());
        assertEquals(Optional.of("ssl://broker.plant.local:8883"), config.brokerUrl());
        assertEquals(Optional.of("lineside-cr1"), config.clientId());
        assertArrayEquals("s3cret".toCharArray(), config.password().orElseThrow());
        assertEquals("plant", config.topicPrefix());
        assertEquals(Optional.of(dir.resolve("data")), config.dataDir());
        assertEquals(Duration.ofSeconds(15), config.staleAfter());
        assertEquals(Optional.of("zh-CN"), config.language());
    }

    @Test
    void minimalConfigTakesDefaults() throws Exception {
        AppConfig config = new ConfigLoader().load(write("broker:\n  url: tcp://10.0.0.5:1883\n"));
        assertEquals(AppConfig.DEFAULT_TOPIC_PREFIX, config.topicPrefix());
        assertEquals(AppConfig.DEFAULT_STALE_AFTER, config.staleAfter());
        assertEquals(Optional.empty(), config.dataDir());
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedWithTheReason() throws Exception {
        Path secret = Files.writeString(dir.resolve("broker.secret"), "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Path file = write("broker:\n  url: tcp://x:1883\n  passwordFile: broker.secret\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().startsWith("config " + file + ":3: key 'broker.passwordFile': expected an owner-only"
                + " file (chmod 600) holding the broker password, found "), e.getMessage());
        assertTrue(e.getMessage().contains(secret.toString()), e.getMessage());
    }

    @Test
    void failoverBrokersAndATruststoreAreRead() throws Exception {
        Path pki = java.nio.file.Files.createDirectories(dir.resolve("pki"));
        Path ca = io.lineside.testsupport.TestPki.create(pki, "site-ca").caCertificate();
        AppConfig config = new ConfigLoader().load(write("""
                broker:
                  url: ssl://broker-a.plant.local:8883
                  failover: [ssl://broker-b.plant.local:8883]
                  truststore: pki/site-ca.pem
                """));
        assertEquals(List.of("ssl://broker-b.plant.local:8883"), config.failover());
        assertEquals(ca, config.tls().orElseThrow().truststore());
    }

    @Test
    void aTruststoreThatIsNotOneStopsTheStartNamingTheKey() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        Path file = write("broker:\n  url: ssl://x:8883\n  truststore: ca.pem\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().startsWith("config " + file + ":3: key 'broker.truststore': expected CA certificates"
                + " in PEM or a PKCS12 truststore, found truststore " + dir.resolve("ca.pem") + " is not usable"),
                e.getMessage());
    }

    @Test
    void idleLockMinutesPerRoleOverrideTheDefaultsOnlyForTheRolesNamed() throws Exception {
        AppConfig config = new ConfigLoader().load(write("""
                broker:
                  url: tcp://x:1883
                security:
                  idleLockMinutes: {operator: 30, admin: 1}
                """));
        assertEquals(java.util.Optional.of(java.time.Duration.ofMinutes(30)),
                config.idleLock().timeout(io.lineside.security.Role.OPERATOR));
        assertEquals(java.util.Optional.of(java.time.Duration.ofMinutes(1)),
                config.idleLock().timeout(io.lineside.security.Role.ADMIN));
        assertEquals(java.util.Optional.of(java.time.Duration.ofMinutes(5)),
                config.idleLock().timeout(io.lineside.security.Role.ENGINEER), "the default stays");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "broker:\\n  url: htp://x:1|key 'broker.url': expected tcp://host:port or ssl://host:port, found \"htp://x:1\"",
        "broker:\\n  host: x|unknown key 'broker.host'; expected one of clientId, failover, passwordFile, truststore, truststorePasswordFile, url, username",
        "broker:\\n  url: tcp://x:1\\n  failover: [tcp://y:1, htp://z]|key 'broker.failover[1]': expected tcp://host:port or ssl://host:port, found \"htp://z\"",
        "broker:\\n  url: tcp://x:1\\n  failover: tcp://y:1|key 'broker.failover': expected a list of strings, found \"tcp://y:1\"",
        "brokr:\\n  url: tcp://x:1|unknown key 'brokr'; expected one of alarms, broker, clockSkewSeconds, commands, dataDir, kiosk, language, mappings, security, sparkplug, staleAfterSeconds, station, topicPrefix, touch",
        "topicPrefix: x|key 'broker': expected a mapping with clientId, failover, passwordFile, truststore, truststorePasswordFile, url, username, found nothing",
        "broker:\\n  clientId: a|key 'broker.url': expected a broker URL such as tcp://broker.plant.local:1883, found nothing",
        "broker:\\n  url: [1, 2]|key 'broker.url': expected a non-empty string, found a list",
        "broker:\\n  url: tcp://x:1\\nstaleAfterSeconds: soon|key 'staleAfterSeconds': expected a whole number from 1 to 3600, found \"soon\"",
        "broker:\\n  url: tcp://x:1\\nlanguage: fr|key 'language': expected en or zh-CN, found \"fr\"",
        "broker:\\n  url: tcp://x:1\\nsecurity:\\n  idleLockMinutes:\\n    operatr: 5|unknown key 'security.idleLockMinutes.operatr'; expected one of admin, engineer, operator, supervisor",
        "broker:\\n  url: tcp://x:1\\nsecurity:\\n  idleLockMinutes:\\n    operator: 0|key 'security.idleLockMinutes.operator': expected a whole number from 1 to 720, found 0",
        "broker:\\n  url: tcp://x:1\\n  clientId: \"a/#\"|key 'broker.clientId': expected 1-64 of A-Z a-z 0-9 _ -, found \"a/#\"",
        "broker:\\n  url: tcp://x:1\\n  passwordFile: missing.secret|key 'broker.passwordFile': expected an owner-only file (chmod 600) holding the broker password",
        "broker:\\n  url: tcp://x:1\\nbroker:\\n  url: tcp://y:1|not valid YAML at line 3",
        "broker: {url: tcp://x:1|not valid YAML at line",
        "- just\\n- a list|expected a mapping of keys",
    })
    void badConfigNamesFileKeyAndExpectation(String yaml, String expected) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        String message = e.getMessage();
        assertEquals(true, message.matches(java.util.regex.Pattern.quote("config " + file) + ":\\d+: .*"), message);
        assertEquals(true, message.contains(expected), message);
    }

    @Test
    void anAlarmsFileIsResolvedAgainstTheConfigAndValidatedAtLoad() throws Exception {
        Files.writeString(dir.resolve("plant-alarms.yaml"), """
                alarms:
                  - id: PRESS-FAULT
                    tag: demo/assembly/line-1/press/state
                    kind: discrete
                    equals: fault
                    priority: High
                    message: {en: "Press fault"}
                """);
        AppConfig config = new ConfigLoader().load(write("broker:\n  url: tcp://x:1\nalarms: plant-alarms.yaml\n"));
        assertEquals(Optional.of(dir.resolve("plant-alarms.yaml")), config.alarmsFile());
        assertEquals(Optional.empty(), new ConfigLoader().load(write("broker:\n  url: tcp://x:1\n")).alarmsFile());
    }

    @Test
    void aBadAlarmsFileStopsTheConfigWithTheAlarmFilesOwnError() throws Exception {
        Files.writeString(dir.resolve("plant-alarms.yaml"), "alarms:\n  - id: X\n    priority: Urgent\n");
        Path file = write("broker:\n  url: tcp://x:1\nalarms: plant-alarms.yaml\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().startsWith("config " + file + ":3: key 'alarms': expected a valid alarm definitions"
                + " file, found alarms " + dir.resolve("plant-alarms.yaml") + ":2: "), e.getMessage());
        Path missing = write("broker:\n  url: tcp://x:1\nalarms: none.yaml\n");
        ConfigException gone = assertThrows(ConfigException.class, () -> new ConfigLoader().load(missing));
        assertTrue(gone.getMessage().endsWith("none.yaml: file not found"), gone.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        assertEquals("config " + file + ": file not found", e.getMessage());
    }
}
