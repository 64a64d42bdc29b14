/** Named users, roles and permissions, sessions with idle lock, and the hash-chained audit trail; no UI toolkit. */
package io.lineside.security;
