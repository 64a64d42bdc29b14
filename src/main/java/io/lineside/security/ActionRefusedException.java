package io.lineside.security;

/** An action was not carried out; the message says why and is fit to show the person who asked. */
public abstract class ActionRefusedException extends Exception {

    protected ActionRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
