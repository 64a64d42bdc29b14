package io.lineside.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throw-away certificate authority made with the openssl command line, for TLS tests against Mosquitto. */
public final class TestPki {

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Creates a CA named {@code name} under {@code dir} ({@code <name>.pem}, {@code <name>.key}). */
    public static TestPki create(Path dir, String name) {
        TestPki pki = new TestPki(dir);
        pki.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", dir.resolve(name + ".key").toString(), "-out", dir.resolve(name + ".pem").toString(),
                "-subj", "/CN=" + name);
        pki.ca = name;
        return pki;
    }

    private String ca;

    /** The CA certificate (PEM), as a truststore. */
    public Path caCertificate() {
        return dir.resolve(ca + ".pem");
    }

    /**
     * Issues a server certificate for {@code subjectAltName} (e.g. {@code IP:127.0.0.1,DNS:localhost}); returns
     * {certificate, key}.
     */
    public Path[] issue(String name, String subjectAltName) {
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path cert = dir.resolve(name + ".pem");
        Path ext = dir.resolve(name + ".ext");
        try {
            Files.writeString(ext, "subjectAltName=" + subjectAltName + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=" + name);
        run("openssl", "x509", "-req", "-in", csr.toString(), "-CA", caCertificate().toString(),
                "-CAkey", dir.resolve(ca + ".key").toString(), "-CAcreateserial", "-days", "2",
                "-extfile", ext.toString(), "-out", cert.toString());
        readable(key);
        return new Path[] {cert, key};
    }

    /** Mosquitto drops to its own user; let it read our test key. */
    private static void readable(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String... command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl failed: " + String.join(" ", command) + "; see "
                        + dir.resolve("openssl.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("openssl not found (apt-get install openssl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
