/** The benchmark harness (issue 9): one class per scenario, run by {@link io.lineside.bench.Bench}; never shipped. */
package io.lineside.bench;
