/** The engineers' tag browser: every topic and Sparkplug metric the broker carries, mapped to a station or not. */
package io.lineside.stations.browse;
