/** JMH micro-benchmarks (decoder, trend down-sampler), run by {@link io.lineside.bench.JmhScenario}. */
package io.lineside.bench.jmh;
