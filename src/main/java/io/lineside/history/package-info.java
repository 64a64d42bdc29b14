/** Shift history in an embedded H2 file: schema migrations, the batched writer and down-sampled trend queries. */
package io.lineside.history;
