package io.lineside.history;

import java.nio.file.Path;

/** Another Lineside instance (or this one) already holds the history database; its file is not damaged. */
public final class HistoryInUseException extends HistoryException {

    HistoryInUseException(Path directory, String detail, Throwable cause) {
        super("history database in " + directory + " is in use by another Lineside instance" + detail, cause);
    }
}
