/** The engineers' message inspector: a bounded, opt-in capture of raw MQTT messages with their decoded form. */
package io.lineside.telemetry.inspect;
