package org.tifa.options;

import picocli.CommandLine.Option;

/** The logging option every command shares, declared once and mixed into each command's options. */
final class Verbosity {
  @Option(
      names = {"-v", "--verbose"},
      description = "Log Spark at INFO and Tifa at DEBUG.")
  boolean verbose;
}
