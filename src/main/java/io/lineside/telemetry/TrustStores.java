package io.lineside.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the broker link from a site CA: a PEM file of CA certificates or a PKCS12 truststore. There is no
 * "trust all" anywhere; hostname verification is switched on by {@link MqttConnection}. The JDK's own policy
 * already refuses TLS 1.0/1.1, so the context negotiates TLS 1.3 or 1.2.
 */
public final class TrustStores {

    private TrustStores() {
    }

    /**
     * @param truststore {@code .pem}/{@code .crt} (CA certificates) or {@code .p12}/{@code .pfx} (PKCS12)
     * @param password   the PKCS12 password, or null (PEM needs none)
     * @throws IllegalArgumentException with an operator sentence naming the file and what is wrong with it
     */
    public static SSLSocketFactory socketFactory(Path truststore, char[] password) {
        try {
            KeyStore store = load(truststore, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException e) {
            throw new IllegalArgumentException("truststore " + truststore + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("truststore " + truststore + " is not usable: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                if (store.size() == 0) {
                    throw new GeneralSecurityException("it holds no certificate");
                }
                return store;
            }
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("it holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            return store;
        }
    }
}
