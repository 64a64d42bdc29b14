/** What the H2 files of history and security share: versioned schema migrations. JDBC is allowed here. */
package io.lineside.store;
