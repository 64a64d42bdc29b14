package io.lineside.telemetry.sparkplug;

/** One edge node: its group id and edge node id. */
public record NodeKey(String group, String edge) {
    @Override
    public String toString() {
        return group + "/" + edge;
    }
}
