/** The MQTT side: Paho client wrapper, topic mapping, payload decoders and ingest diagnostics. */
package io.lineside.telemetry;
