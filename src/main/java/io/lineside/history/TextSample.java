package io.lineside.history;

import io.lineside.tags.Quality;
import java.time.Instant;

/**
 * One sample of a text tag (a station state) as history holds it.
 *
 * @param time    source time
 * @param text    the value, or null when none usable arrived
 * @param quality its quality
 */
public record TextSample(Instant time, String text, Quality quality) {
}
