package io.lineside.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY.md scenarios 25 and 26 against a real Mosquitto with a TLS listener: the site CA is trusted, and a
 * wrong host name, a foreign CA, a plaintext port or a refused login each give their own operator message,
 * never a fallback to plaintext, and a refused login is not retried at 2 Hz.
 */
class MqttTlsIT {

    @TempDir
    Path dir;
    private TestPki pki;

    @BeforeEach
    void pki() throws Exception {
        // Mosquitto drops to its own user: it must be able to reach the keys and the password file.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pkiDir = Files.createDirectories(dir.resolve("pki"));
        Files.setPosixFilePermissions(pkiDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        pki = TestPki.create(pkiDir, "site-ca");
    }

    @Test
    void theSiteCaIsTrustedAndTheHostNameIsVerified() {
        Path[] good = pki.issue("broker-good", "IP:127.0.0.1,DNS:localhost");
        Path[] wrongName = pki.issue("broker-elsewhere", "DNS:broker.elsewhere.example");
        int goodPort = Mosquitto.freePort();
        int wrongPort = Mosquitto.freePort();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"), List.of(
                tlsListener(goodPort, good), tlsListener(wrongPort, wrongName)).stream().flatMap(List::stream).toList())) {
            SSLSocketFactory site = TrustStores.socketFactory(pki.caCertificate(), null);
            ConnectionStatus ok = firstStatus("ssl://127.0.0.1:" + goodPort, site, ConnectionState.ONLINE);
            assertEquals("ssl://127.0.0.1:" + goodPort, ok.broker());

            ConnectionStatus wrong = firstStatus("ssl://127.0.0.1:" + wrongPort, site, ConnectionState.OFFLINE);
            assertEquals("TLS with ssl://127.0.0.1:" + wrongPort + " refused: the broker's certificate is not issued"
                    + " for this host name (no plaintext fallback)", wrong.detail());

            Path foreign = TestPki.create(dir.resolve("pki"), "foreign-ca").caCertificate();
            ConnectionStatus untrusted = firstStatus("ssl://127.0.0.1:" + goodPort,
                    TrustStores.socketFactory(foreign, null), ConnectionState.OFFLINE);
            assertTrue(untrusted.detail().contains("not signed by a trusted CA"), untrusted.detail());

            ConnectionStatus plaintext = firstStatus("ssl://127.0.0.1:" + broker.port(), site, ConnectionState.OFFLINE);
            assertTrue(plaintext.detail().startsWith("TLS with ssl://127.0.0.1:" + broker.port() + " refused: "),
                    plaintext.detail());
        }
    }

    @Test
    void aFailoverListIsTriedInOrder() {
        int dead = Mosquitto.freePort();
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            try (MqttConnection connection = new MqttConnection(new MqttConnection.Settings(
                    "tcp://127.0.0.1:" + dead, "lineside-failover-" + System.nanoTime(), "lineside/#", null, null,
                    null, List.of(broker.url()), null), (t, p, a) -> { }, Clock.systemUTC())) {
                connection.start();
                Eventually.await("online via the second broker", Duration.ofSeconds(15),
                        () -> connection.status().state() == ConnectionState.ONLINE);
                assertEquals(broker.url(), connection.status().broker());
            }
        }
    }

    @Test
    void aRefusedLoginIsReportedAndRetriedSlowly() throws Exception {
        Path passwords = dir.resolve("passwd");
        Files.writeString(passwords, "");
        Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwords.toString(), "hmi", "right-password")
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor());
        Files.setPosixFilePermissions(passwords, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"),
                List.of("allow_anonymous false", "password_file " + passwords));
             MqttConnection connection = new MqttConnection(new MqttConnection.Settings(broker.url(),
                     "lineside-auth-" + System.nanoTime(), "lineside/#", "hmi", "wrong-password".toCharArray()),
                     (t, b, a) -> { }, Clock.systemUTC())) {
            connection.start();
            Eventually.await("refused", Duration.ofSeconds(10),
                    () -> connection.status().state() == ConnectionState.OFFLINE);
            assertEquals("broker " + broker.url() + " refused the login (check user name and password)",
                    connection.status().detail());
            Thread.sleep(4_000);
            assertEquals(1, connection.attempts(), "the next try waits 5-10 s, not 0.5 s");
        }
    }

    private ConnectionStatus firstStatus(String url, SSLSocketFactory tls, ConnectionState wanted) {
        try (MqttConnection connection = new MqttConnection(new MqttConnection.Settings(url,
                "lineside-tls-" + System.nanoTime(), "lineside/#", null, null, null, List.of(), tls),
                (t, p, a) -> { }, Clock.systemUTC())) {
            connection.start();
            Eventually.await(wanted + " on " + url, Duration.ofSeconds(15),
                    () -> connection.status().state() == wanted);
            return connection.status();
        }
    }

    private static List<String> tlsListener(int port, Path[] certAndKey) {
        return List.of("listener " + port + " 127.0.0.1", "certfile " + certAndKey[0], "keyfile " + certAndKey[1]);
    }
}
