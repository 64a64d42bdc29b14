package io.lineside.bench;

import java.util.List;

/**
 * One benchmark scenario: it sets up what it needs under the context's work directory, measures, tears down, and
 * returns its rows. Adding a row later means adding it here or adding a scenario to {@link Bench#SCENARIOS}.
 */
public interface Scenario {

    /** Short name used in the table's first column, e.g. "1 ingest". */
    String name();

    /**
     * Runs the scenario. An exception becomes one FAILED row; the other scenarios still run.
     */
    List<Row> run(BenchContext context) throws Exception;
}
