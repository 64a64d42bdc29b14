/** Sparkplug B 3.0 host: topics, hardened payload decoding, per-node birth/death/seq state, rebirth requests. */
package io.lineside.telemetry.sparkplug;
