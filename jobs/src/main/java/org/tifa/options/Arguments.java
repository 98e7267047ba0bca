package org.tifa.options;

import org.tifa.error.ConfigException;
import picocli.CommandLine;

/** Parsing a command's arguments into its options object outside the command line. */
final class Arguments {
  private Arguments() {}

  /**
   * {@code options} with {@code args} parsed into it; a usage error becomes a {@link
   * ConfigException} with picocli's one-line message.
   */
  static <T> T parse(T options, String... args) {
    try {
      new CommandLine(options).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new ConfigException(e.getMessage());
    }
    return options;
  }
}
