/**
 * Each command's options, declared once: picocli-annotated classes that the commands mix in and
 * that callers fill from arguments ({@code parse}); validated, with one-line {@code
 * ConfigException}s, before Spark starts.
 */
package org.tifa.options;
