/** The tag browser view: what the broker carries, and which station signal each source is mapped to. */
package io.lineside.ui.tags;
