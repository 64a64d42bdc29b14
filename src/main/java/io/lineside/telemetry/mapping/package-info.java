/** Configurable topic → tag mapping: topic templates, payload kinds (number, object, batch) and JSON field paths. */
package io.lineside.telemetry.mapping;
