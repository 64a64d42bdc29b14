package io.lineside.history;

import java.nio.file.Path;

/** Run in a child JVM by {@link HistoryDatabaseTest}: holds the database open until its stdin closes. */
public final class HistoryDatabaseHolder {
    private HistoryDatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to close our stdin
            }
        }
    }
}
