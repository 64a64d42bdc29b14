package io.lineside.security;

import java.nio.file.Path;

/** A secret file is missing, empty, unreadable or readable by others; the message names the file and the fix. */
public final class SecretFileException extends Exception {

    private final Path file;

    public SecretFileException(Path file, String problem, Throwable cause) {
        super("secret file " + file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
