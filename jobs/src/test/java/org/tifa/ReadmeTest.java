package org.tifa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's option table and test command are the ones the code has. */
class ReadmeTest {
  private static final Path REPO = Path.of(System.getProperty("tifa.repo"));

  private static String readme() throws IOException {
    return Files.readString(REPO.resolve("README.md"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "compare", "report", "passages"})
  void optionTableMatchesTheHelp(String command) throws IOException {
    CommandLine sub = new CommandLine(new Tifa()).getSubcommands().get(command);
    List<String> expected = new ArrayList<>();
    for (OptionSpec o : sub.getCommandSpec().options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      String name =
          o.longestName()
              + (o.arity().max() > 0
                  ? " " + o.paramLabel() + (o.arity().max() > 1 ? "..." : "")
                  : "");
      expected.add("| `" + name + "` | " + String.join(" ", o.description()) + " |");
    }
    // The commands' reference chapter, linked from the README's Commands section.
    String readme = Files.readString(REPO.resolve("docs/commands.md"));
    String heading = "## `tifa " + command + "`";
    assertTrue(readme.contains(heading), "docs/commands.md has a section " + heading);
    String section = readme.substring(readme.indexOf(heading));
    int end = section.indexOf("\n## ", 1);
    section = end < 0 ? section : section.substring(0, end);
    String table = section;
    List<String> missing = expected.stream().filter(row -> !table.contains(row)).toList();
    assertEquals(List.of(), missing, "README rows to write:\n" + String.join("\n", expected));
  }

  @Test
  void ciRunsTheReadmeTestCommand() throws IOException {
    assertTrue(readme().contains("./mvnw verify"));
    assertTrue(Files.readString(REPO.resolve(".ci/run")).contains("./mvnw -B -ntp verify"));
  }
}
