/** One strict reader for every configuration file: a located YAML tree, typed access, one error format. */
package io.lineside.config;
