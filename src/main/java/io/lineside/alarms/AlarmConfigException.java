package io.lineside.alarms;

/** An alarm config file that is refused as a whole; the message names the file, the alarm, the key and what was expected. */
public final class AlarmConfigException extends Exception {
    public AlarmConfigException(String message) {
        super(message);
    }
}
