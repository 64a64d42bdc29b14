package io.lineside.app;

/** A configuration the app refuses to start with; the message names the file, the key and what was expected. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
