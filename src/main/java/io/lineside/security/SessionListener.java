package io.lineside.security;

/**
 * Told after every change of the session (login, switch, logout, lock, unlock). Called on the thread that made
 * the change (the FX thread for a button, the idle timer's thread for an idle lock), after the change, outside
 * any lock; a UI listener must hand over to the FX thread itself. An exception thrown here is logged and ignored.
 */
@FunctionalInterface
public interface SessionListener {
    void sessionChanged(SessionState state);
}
