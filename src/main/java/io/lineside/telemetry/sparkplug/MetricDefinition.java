package io.lineside.telemetry.sparkplug;

import io.lineside.tags.TagPath;

/**
 * A metric as a birth declared it.
 *
 * @param device   the device it belongs to, or null for a node metric
 * @param datatype its Sparkplug B data type code, which data messages may omit
 * @param path     where it goes, or null when its name does not map to a tag path
 */
record MetricDefinition(String device, String name, int datatype, TagPath path) {
}
