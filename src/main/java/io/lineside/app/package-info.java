/** Composition root: command line, configuration, embedded demo broker, simulator launch and the JavaFX application. */
package io.lineside.app;
