package io.lineside.security;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads a secret (the broker password) from its own file, referenced by the config ({@code passwordFile:}), never
 * from the config itself. See docs/decisions/0003-secrets-and-credentials.md.
 *
 * <p>On POSIX file systems the file must be a regular file that neither group nor others may read or write
 * ({@code chmod 600}), else it is refused: a secret others could read is already disclosed, and one others could
 * write lets them point the HMI at their broker. On file systems without POSIX permissions (Windows NTFS) the
 * check cannot be made here; the file must sit in a directory only the user (or the service account) can read,
 * such as {@code %LOCALAPPDATA%}, and a warning is logged once per read. Stateless; safe from any thread.
 */
public final class SecretFiles {

    private static final System.Logger LOG = System.getLogger(SecretFiles.class.getName());
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    /** A password file is a line of text; anything larger is the wrong file. */
    private static final long MAX_BYTES = 4096;

    private SecretFiles() {
    }

    /**
     * The file's content as UTF-8 without the trailing line break(s) and surrounding spaces. The caller owns
     * the array and should clear it once the secret is handed on.
     */
    public static char[] readSecret(Path file) throws SecretFileException {
        checkPermissions(file);
        byte[] bytes = null;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SecretFileException(file, "is larger than " + MAX_BYTES + " bytes; expected one line", null);
            }
            bytes = Files.readAllBytes(file);
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] secret = strip(chars);
            Arrays.fill(chars.array(), '\0');
            if (secret.length == 0) {
                throw new SecretFileException(file, "is empty; expected the password on the first line", null);
            }
            return secret;
        } catch (CharacterCodingException e) {
            throw new SecretFileException(file, "is not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new SecretFileException(file, "cannot be read: " + e.getMessage(), e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /**
     * Writes {@code secret} and a line break to {@code file}, created owner-only ({@code rw-------}) from the
     * start (never readable by others, not even briefly) and moved into place atomically, replacing any older
     * file. For the installer or a "set broker password" command; the caller still owns and clears the array.
     */
    public static void writeSecret(Path file, char[] secret) throws SecretFileException {
        if (secret == null || secret.length == 0) {
            throw new SecretFileException(file, "would be empty; expected a password", null);
        }
        ByteBuffer encoded = null;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(secret));
            Files.deleteIfExists(tmp);
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (SeekableByteChannel channel = Files.newByteChannel(tmp, StandardOpenOption.WRITE)) {
                channel.write(encoded.duplicate());
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (CharacterCodingException e) {
            throw new SecretFileException(file, "cannot hold this password: it is not valid Unicode text", e);
        } catch (IOException e) {
            throw new SecretFileException(file, "cannot be written: " + e.getMessage(), e);
        } finally {
            if (encoded != null && encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not remove " + tmp, e);
            }
        }
    }

    /** Refuses a missing file, a non-regular file, or one that group or others may access. */
    static void checkPermissions(Path file) throws SecretFileException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new SecretFileException(file, Files.exists(file) ? "is not a regular file" : "does not exist", null);
            }
            if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
                LOG.log(Level.WARNING, "secret file {0}: this file system has no POSIX permissions; keep it in a"
                        + " directory only this user can read (see docs/decisions/0003)", file);
                return;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> loose = EnumSet.noneOf(PosixFilePermission.class);
            loose.addAll(perms);
            loose.retainAll(OTHERS);
            if (!loose.isEmpty()) {
                throw new SecretFileException(file, "is accessible by group or others (permissions "
                        + PosixFilePermissions.toString(perms) + "); expected rw------- : run chmod 600 " + file, null);
            }
        } catch (NoSuchFileException e) {
            throw new SecretFileException(file, "does not exist", e);
        } catch (IOException e) {
            throw new SecretFileException(file, "cannot be checked: " + e.getMessage(), e);
        }
    }

    private static char[] strip(CharBuffer chars) {
        int start = chars.position();
        int end = chars.limit();
        while (start < end && Character.isWhitespace(chars.get(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars.get(end - 1))) {
            end--;
        }
        char[] out = new char[end - start];
        for (int i = start; i < end; i++) {
            out[i - start] = chars.get(i);
        }
        return out;
    }
}
