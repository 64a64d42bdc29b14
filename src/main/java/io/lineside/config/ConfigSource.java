package io.lineside.config;

import java.nio.file.Path;

/**
 * Which file a {@link ConfigNode} came from: its kind leads every message ({@code config}, {@code alarms}), its name
 * is what the message shows, and relative paths in it resolve against its folder.
 *
 * @param kind what the file is, e.g. {@code config}
 * @param name the file as messages name it
 * @param path the file on disk, or null for text that is not a file (a resource, a test string)
 */
public record ConfigSource(String kind, String name, Path path) {

    public static ConfigSource of(String kind, Path file) {
        return new ConfigSource(kind, file.toString(), file);
    }

    /** {@code value} as a path: absolute as given, relative to this file's folder otherwise. */
    public Path resolve(String value) {
        Path p = Path.of(value);
        Path parent = path == null ? null : path.toAbsolutePath().getParent();
        return p.isAbsolute() || parent == null ? p : parent.resolve(p).normalize();
    }

    /** A problem of the file as a whole. */
    public ConfigException whole(String problem) {
        return ConfigException.whole(kind, name, problem);
    }
}
