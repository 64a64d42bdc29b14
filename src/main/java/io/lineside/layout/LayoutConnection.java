package io.lineside.layout;

import io.lineside.tags.TagPath;
import java.util.Optional;

/**
 * Material moving from one symbol to another, drawn as a line with an arrow.
 *
 * @param from    the upstream symbol's id
 * @param to      the downstream symbol's id
 * @param kind    conveyor or flow
 * @param running the tag that says whether it moves (running / a number above zero), or empty for a static line
 */
public record LayoutConnection(String from, String to, ConnectionKind kind, Optional<TagPath> running) {
}
