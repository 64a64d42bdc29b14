package io.lineside.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way the app writes a configuration file an engineer edited in it (layout, alarm definitions, tag
 * mappings): the new text goes to a temporary file beside the old one and is forced to the disk, the old file is
 * kept as {@code <name>.previous}, and the new one replaces it by an atomic rename. A crash or power cut at any
 * moment leaves either the old file or the new one in place, never half of one. Callers validate the text with the
 * file's own loader first and audit the save; this class only moves bytes. Blocking file I/O; not for the FX
 * thread.
 */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Where {@link #replace} keeps the content {@code file} had before the last save. */
    public static Path previous(Path file) {
        return file.resolveSibling(file.getFileName() + ".previous");
    }

    /**
     * Replaces {@code file}'s content with {@code text} (UTF-8), keeping the old content as {@link #previous}; creates
     * the file (and its folder) when it does not exist yet.
     *
     * @throws IOException with the file named, when the folder is not writable or the disk is full; the old file is
     *                     then untouched
     */
    public static void replace(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".saving");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            if (Files.isRegularFile(target)) {
                Files.copy(target, previous(target), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(folder);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot save " + target + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a folder (not on Windows). */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the rename is atomic either way
        }
    }
}
