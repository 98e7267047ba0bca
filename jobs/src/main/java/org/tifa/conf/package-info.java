/**
 * Access to the configuration files of {@code conf/} as they are packaged in the jar, or given by
 * path, read as YAML into records ({@link org.tifa.conf.ConfYaml}).
 */
package org.tifa.conf;
