/** Job options as records, validated (one-line {@code ConfigException}s) before Spark starts. */
package org.tifa.options;
