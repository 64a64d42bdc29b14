package io.lineside.ui.station;

import io.lineside.tags.Quality;

/** One raw tag of the diagnostics level, already in the operator's words. */
public record TagRow(String path, String value, Quality quality, String qualityText, String sourceTime,
                     String receiveTime, String age, String seq) {
}
