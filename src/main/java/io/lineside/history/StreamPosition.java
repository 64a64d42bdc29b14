package io.lineside.history;

import io.lineside.tags.TagPath;
import java.time.Instant;

/**
 * Where a tag's publisher sequence stood in history: its last stored sample that carried a seq. After a restart
 * the ingest compares the first new seq with it, so messages missed while the HMI was down become a gap marker.
 */
public record StreamPosition(TagPath path, long seq, Instant sourceTime) {
}
