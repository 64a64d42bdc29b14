package io.lineside.security;

/** The security database cannot be opened or used; the message is fit to show an operator. */
public class SecurityStoreException extends Exception {

    public SecurityStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
