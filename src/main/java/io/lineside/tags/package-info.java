/** Tag identity (ISA-95 paths), values with quality and age, and the lock-free latest-value store. */
package io.lineside.tags;
