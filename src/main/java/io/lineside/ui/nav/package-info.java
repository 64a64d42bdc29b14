/** The display hierarchy (ISA-101 levels 1-4): places, history, breadcrumbs and the host that shows a level. */
package io.lineside.ui.nav;
