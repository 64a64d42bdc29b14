package io.lineside.history;

/** The history database cannot be opened or read; the message is fit to show an operator. */
public class HistoryException extends Exception {

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
