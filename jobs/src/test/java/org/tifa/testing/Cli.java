package org.tifa.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.tifa.Tifa;

/** Runs the command line in this JVM, as a person would, capturing what it prints. */
public final class Cli {
  private Cli() {}

  /** Exit code, standard output and standard error (stripped) of {@code tifa ARGS...}. */
  public record Outcome(int code, String out, String err) {}

  /** {@link #run} of one subcommand: {@code tifa NAME ARGS...}. */
  public static Outcome command(String name, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = name;
    System.arraycopy(args, 0, all, 1, args.length);
    return run(all);
  }

  public static Outcome run(String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Tifa.execute(args);
      return new Outcome(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).strip());
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }
}
