package io.lineside.app;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/** The default MQTT client id: {@code lineside-<host>-<install id>}, stable across restarts of one install. */
final class ClientIds {

    private static final System.Logger LOG = System.getLogger(ClientIds.class.getName());

    private ClientIds() {
    }

    static String derive(Path dataDir) {
        return "lineside-" + host() + "-" + installId(dataDir);
    }

    /** A short random id kept in {@code install-id} under the data directory, created on first use. */
    static String installId(Path dataDir) {
        Path file = dataDir.resolve("install-id");
        try {
            if (Files.isRegularFile(file)) {
                String id = Files.readString(file).strip();
                if (id.matches("[0-9a-f]{8}")) {
                    return id;
                }
            }
            String id = UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep the install id in {0}: {1}", file, e.getMessage());
            return UUID.randomUUID().toString().substring(0, 8);
        }
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
            return name.length() > 24 ? name.substring(0, 24) : name;
        } catch (IOException e) {
            return "host";
        }
    }
}
