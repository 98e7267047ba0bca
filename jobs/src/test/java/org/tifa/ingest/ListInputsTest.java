package org.tifa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.error.NoInputException;

/** The listing on the real local filesystem, with real symbolic links and FIFOs. */
class ListInputsTest {
  private static final List<String> EXTENSIONS = List.of("jsonl", "json");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path tmp;

  private static List<String> list(Path input, Path output) throws Exception {
    return assertTimeoutPreemptively(
        PATIENCE,
        () ->
            ListInputs.list(
                    List.of(input.toString()),
                    EXTENSIONS,
                    output == null ? null : output.toString(),
                    new Configuration())
                .stream()
                .map(ListInputs.InputFile::path)
                .toList());
  }

  /** The listing's name for a local file: Hadoop's qualified form, file:/abs/path. */
  private static String uri(Path p) {
    return "file:" + p.toAbsolutePath();
  }

  private static Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "{}\n");
  }

  @Test
  void twoSymlinksToTheParentDoNotMakeTheListingGrow() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path a = write(in.resolve("a.jsonl"));
    Files.createSymbolicLink(in.resolve("up1"), Path.of(".."));
    Files.createSymbolicLink(in.resolve("up2"), Path.of(".."));
    assertEquals(List.of(uri(a)), list(in, null));
  }

  @Test
  void aSymlinkLoopReadsEachRealFileOnce() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path a = write(in.resolve("a.jsonl"));
    Path b = write(in.resolve("sub/b.jsonl"));
    Files.createSymbolicLink(in.resolve("sub/loop"), Path.of(".."));
    Files.createSymbolicLink(in.resolve("self"), Path.of("."));
    Files.createSymbolicLink(in.resolve("alias.jsonl"), Path.of("a.jsonl"));
    assertEquals(List.of(uri(a), uri(b)), list(in, null));
  }

  @Test
  void aSymlinkToADirectoryOutsideTheInputIsFollowed() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    write(tmp.resolve("archive/x.jsonl"));
    Files.createSymbolicLink(in.resolve("2024"), Path.of("../archive"));
    assertEquals(List.of(uri(in.resolve("2024/x.jsonl"))), list(in, null));
  }

  @Test
  void theRunsOwnOutputInsideTheInputIsSkipped() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path a = write(in.resolve("a.jsonl"));
    Path out = in.resolve("out");
    write(out.resolve("20240101T000000Z/manifest.json"));
    write(out.resolve("20240101T000000Z/_SUCCESS"));
    write(out.resolve("20240101T000000Z/quarantine/reasons.json"));
    write(out.resolve("LATEST"));
    assertEquals(List.of(uri(a)), list(in, out));
    // Before its first run the output root holds nothing that marks it as Tifa's: only --output
    // says so.
    Path fresh = in.resolve("fresh");
    write(fresh.resolve("notes.json"));
    assertEquals(List.of(uri(a)), list(in, fresh));
  }

  @Test
  void snapshotsAndSnapshotRootsInsideTheInputAreSkipped() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path a = write(in.resolve("a.jsonl"));
    // An earlier snapshot root (with LATEST) and a snapshot copied on its own (_SUCCESS +
    // manifest.json).
    write(in.resolve("old-out/LATEST"));
    write(in.resolve("old-out/s1/manifest.json"));
    write(in.resolve("copied-snapshot/manifest.json"));
    write(in.resolve("copied-snapshot/_SUCCESS"));
    // A manifest.json alone does not make a snapshot: it is input like any other .json file.
    Path other = write(in.resolve("export/manifest.json"));
    assertEquals(List.of(uri(a), uri(other)), list(in, null));
  }

  @Test
  void aDanglingSymlinkNamedLikeInputIsListedSoTheReaderQuarantinesIt() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path a = write(in.resolve("a.jsonl"));
    Path gone = Files.createSymbolicLink(in.resolve("gone.jsonl"), Path.of("missing.jsonl"));
    Files.createSymbolicLink(in.resolve("gone.txt"), Path.of("missing.txt"));
    assertEquals(List.of(uri(a), uri(gone)), list(in, null));
  }

  @Test
  void aFifoNamedLikeInputIsListedSoTheReaderQuarantinesIt() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path fifo = in.resolve("pipe.jsonl");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertEquals(List.of(uri(fifo)), list(in, null));
  }

  @Test
  void hiddenAndUnderscoreNamesAreSkippedAndExplicitFilesAreReadWhateverTheirName()
      throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path a = write(in.resolve("a.jsonl.gz"));
    write(in.resolve(".hidden.jsonl"));
    write(in.resolve("_tmp.jsonl"));
    write(in.resolve("_staging/b.jsonl"));
    write(in.resolve("notes.txt"));
    assertEquals(List.of(uri(a)), list(in, null));
    Path txt = in.resolve("notes.txt");
    assertEquals(List.of(uri(txt)), list(txt, null));
  }

  @Test
  void anInputThatIsOnlyTheOutputFindsNothing() throws Exception {
    Path out = tmp.resolve("out");
    write(out.resolve("LATEST"));
    write(out.resolve("s1/manifest.json"));
    assertThrows(NoInputException.class, () -> list(out, out));
  }
}
