package io.lineside.app;

import io.lineside.history.HistoryException;
import io.lineside.history.HistoryInUseException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Locale;

/**
 * Opens the HMI's {@link Services} on a station where the recorder may already hold the history
 * (docs/decisions/0008). If the history is free the HMI owns it as before. If another process holds it
 * (the recorder service, or a second HMI), the HMI becomes a <em>live viewer</em>: it still subscribes to the
 * broker, under its own client id so it never takes the recorder's session, and keeps the samples it sees
 * in a scratch history that is deleted when it closes. The station's history stays the recorder's alone.
 *
 * @param services the opened spine
 * @param viewer   true when history is held elsewhere and {@code services} writes to a scratch directory
 * @param scratch  the scratch data directory of a viewer, deleted by {@link #close()}; null for the owner
 */
record StationSpine(Services services, boolean viewer, Path scratch) implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StationSpine.class.getName());

    static StationSpine open(AppConfig config, String brokerUrl, String clientId, Path dataDir, Clock clock)
            throws HistoryException, IOException {
        try {
            return new StationSpine(new Services(config, brokerUrl, clientId, dataDir, clock), false, null);
        } catch (HistoryInUseException e) {
            Path scratch = Files.createTempDirectory("lineside-view-");
            LOG.log(System.Logger.Level.WARNING, "{0}: this HMI shows live data only and keeps no station history; "
                    + "scratch history in {1}", e.getMessage(), scratch);
            try {
                return new StationSpine(new Services(config, brokerUrl, viewerClientId(clientId), scratch, clock),
                        true, scratch);
            } catch (HistoryException | RuntimeException failed) {
                deleteTree(scratch);
                throw failed;
            }
        }
    }

    /** The viewer's MQTT client id: the owner's with a per-user suffix, stable so its broker session is reused. */
    static String viewerClientId(String clientId) {
        String user = System.getProperty("user.name", "user").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        String id = clientId + "-view-" + user;
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    /** Closes the services; a viewer also deletes its scratch history. */
    @Override
    public void close() {
        services.close();
        if (scratch != null) {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "scratch history {0} not deleted: {1}", root, e.getMessage());
        }
    }
}
