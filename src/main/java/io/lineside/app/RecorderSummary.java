package io.lineside.app;

import io.lineside.history.HistoryWriter;
import io.lineside.telemetry.IngestDiagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The recorder's counts in one line: what arrived, what became samples, and everything refused or lost on the way.
 * "handled" is what the writer finished with (committed, or skipped as unchanged: the writer counts both as written);
 * "unchanged" is the skipped part; "rows inserted" is what the writer really inserted and committed, and
 * "duplicates" the true ones (that exact sample already stored, or a Sparkplug seq already released); "late" are
 * stored out of seq order. The same line goes to the log and to {@link #FILE} for the diagnose bundle.
 */
final class RecorderSummary {

    /** Next to the database in the data directory; {@code diagnose} copies it into the bundle. */
    static final String FILE = "recorder-counters.txt";

    private RecorderSummary() {
    }

    static String line(IngestDiagnostics.Snapshot d, HistoryWriter w, long reconnects, long unreadableTopics) {
        return "received " + d.received() + ", decoded " + d.decoded()
                + ", handled " + w.writtenCount() + " (unchanged " + w.skippedCount() + ", rows inserted "
                + w.insertedCount() + ")"
                + ", duplicates " + (d.duplicates() + w.duplicateCount()) + ", late messages " + d.lateMessages()
                + ", seq gaps " + d.seqGaps()
                + ", parse errors " + d.parseErrors() + ", oversize " + d.oversize()
                + ", unknown messages " + d.unknownMessages() + " (" + d.unknownTopics() + " topics, unreadable "
                + unreadableTopics + ")"
                + ", bad values " + d.badValues() + ", queue-full drops " + d.queueFull()
                + ", discarded values " + d.discardedValues() + ", rebirths suppressed " + d.rebirthsSuppressed()
                + ", window overflows " + d.windowOverflows()
                + ", callback errors " + d.callbackErrors()
                + ", writer dropped " + w.droppedCount() + " (as gaps " + w.gappedCount() + ", behind "
                + w.lag().toSeconds() + " s), failed " + w.failedCount() + " in " + w.failedBatches()
                + " batches, withheld " + w.withheldCount() + ", backlog " + w.backlog()
                + ", reconnects " + reconnects;
    }

    /** Replaces {@link #FILE} in {@code dataDir} atomically with {@code line}, stamped {@code now}. */
    static void write(Path dataDir, Instant now, String line) throws IOException {
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, now + " " + line + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
