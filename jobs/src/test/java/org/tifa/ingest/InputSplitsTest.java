package org.tifa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.SparkTest;
import org.tifa.ingest.InputSplits.Split;
import org.tifa.ingest.ListInputs.InputFile;
import org.tifa.schema.Columns;

/**
 * Large files read in ranges: which files are split, and that a split file yields exactly the
 * records, line numbers and quarantine rows of reading it whole.
 */
class InputSplitsTest extends SparkTest {
  @TempDir Path dir;

  /**
   * Lines of JSON, with blank lines, a malformed record and a record without a body among them;
   * returns the file.
   */
  private Path jsonLines(String name, int records) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= records; i++) {
      if (i % 7 == 0) {
        b.append("\n");
      }
      if (i % 11 == 0) {
        b.append("{\"id\":\"broken").append(i).append("\",\n");
      } else if (i % 13 == 0) {
        b.append("{\"id\":\"d").append(i).append("\",\"published_at\":\"2024-03-19\"}\n");
      } else {
        b.append("{\"id\":\"d")
            .append(i)
            .append("\",\"body\":\"聊城市政协推进“十二项提升行动”第")
            .append(i)
            .append("次。\",\"published_at\":\"2024-03-19 07:49:03\"}\n");
      }
    }
    Path file = dir.resolve(name);
    Files.writeString(file, b, StandardCharsets.UTF_8);
    return file;
  }

  private static InputFile input(Path file) throws IOException {
    return new InputFile(file.toString(), Files.size(file));
  }

  private static ReadReports.Settings settings(long splitBytes) {
    return new ReadReports.Settings(
        1000, 4096, 1000, java.time.ZoneId.of("Asia/Shanghai"), splitBytes);
  }

  /** Every record read: file, line, id and quarantine reason. */
  private TreeSet<String> records(Dataset<Row> marked) {
    TreeSet<String> out = new TreeSet<>();
    for (Row r : marked.collectAsList()) {
      out.add(
          r.getAs(Columns.INPUT_FILE)
              + ":"
              + r.getAs(Columns.INPUT_LINE)
              + ":"
              + r.getAs(Columns.DOC_ID)
              + ":"
              + r.getAs(Columns.REASON));
    }
    return out;
  }

  @Test
  void aLargeJsonLinesFileIsReadInRangesAndYieldsWhatReadingItWholeDoes() throws IOException {
    Path file = jsonLines("big.jsonl", 500);
    long bytes = Files.size(file);
    List<InputFile> files = List.of(input(file));

    Dataset<Row> whole = ReadReports.marked(spark(), files, settings(bytes));
    Dataset<Row> split = ReadReports.marked(spark(), files, settings(bytes / 9));
    assertEquals(1, whole.rdd().getNumPartitions());
    assertEquals(10, split.rdd().getNumPartitions(), "ranges of about a ninth: ten");
    TreeSet<String> expected = records(whole);
    assertEquals(500, expected.size());
    assertEquals(expected, records(split));

    // The line of a record counted from the text: record 500 follows 500 lines and 71 blank ones.
    Assertions.assertTrue(expected.contains(file + ":571:d500:null"), "record 500 at line 571");
    Assertions.assertTrue(
        expected.stream().anyMatch(r -> r.endsWith(":malformed_json")),
        "broken records quarantined");
  }

  @Test
  void theRangesLineCountsAreThoseOfTheFile() throws IOException {
    Path file = jsonLines("big.jsonl", 300);
    byte[] content = Files.readAllBytes(file);
    List<Split> splits = InputSplits.plan(spark(), List.of(input(file)), (content.length + 3) / 4);
    assertEquals(4, splits.size());
    for (Split s : splits) {
      long before = 0;
      for (int i = 0; i < s.start(); i++) {
        before += content[i] == '\n' ? 1 : 0;
      }
      assertEquals(before, s.newlinesBefore(), "line breaks before " + s.start());
    }
    assertEquals(Long.MAX_VALUE, splits.get(3).end(), "the last range runs to the file's end");
  }

  @Test
  void compressedFilesArraysAndSmallFilesAreReadWhole() throws IOException {
    Path lines = jsonLines("lines.jsonl", 200);
    Path small = jsonLines("small.jsonl", 3);
    String text = Files.readString(lines);
    Path gz = dir.resolve("lines.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      // Incompressible padding: the compressed file is larger than the split size too.
      StringBuilder pad = new StringBuilder();
      java.util.Random random = new java.util.Random(7);
      for (int i = 0; i < 2000; i++) {
        pad.append((char) ('a' + random.nextInt(26)));
      }
      out.write(
          (text + "{\"id\":\"pad\",\"body\":\"" + pad + "\"}\n").getBytes(StandardCharsets.UTF_8));
    }
    List<String> elements = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      elements.add("{\"id\":\"a" + i + "\",\"body\":\"正文" + i + "\",\"published_at\":\"2024-03\"}");
    }
    Path array = dir.resolve("array.json");
    Files.writeString(array, "\uFEFF \n[" + String.join(",\n", elements) + "]\n");

    long splitBytes = 1024;
    Assertions.assertTrue(Files.size(gz) > splitBytes && Files.size(array) > splitBytes);
    List<InputFile> files = List.of(input(lines), input(small), input(gz), input(array));
    List<Split> splits = InputSplits.plan(spark(), files, splitBytes);
    List<Split> wholes = splits.stream().filter(Split::isWhole).toList();
    assertEquals(
        List.of(small.toString(), gz.toString(), array.toString()),
        wholes.stream().map(Split::path).toList());
    Assertions.assertTrue(
        splits.stream().filter(s -> s.path().equals(lines.toString())).count() > 1,
        "the plain JSON-lines file is split");

    TreeSet<String> got = records(ReadReports.marked(spark(), files, settings(splitBytes)));
    assertEquals(200 + 3 + 201 + 100, got.size());
    Assertions.assertTrue(
        got.contains(array + ":2:a1:null") && got.contains(array + ":101:a100:null"),
        "the array's elements at their lines");
  }

  @Test
  void aFileThatCannotBeCountedIsReadWholeAndReportsItsError() throws IOException {
    Path gone = dir.resolve("gone.jsonl");
    List<Split> splits =
        InputSplits.plan(spark(), List.of(new InputFile(gone.toString(), 10_000_000)), 1 << 20);
    assertEquals(List.of(Split.whole(gone.toString())), splits);
    TreeSet<String> got =
        records(
            ReadReports.marked(
                spark(), List.of(new InputFile(gone.toString(), 10_000_000)), settings(1 << 20)));
    assertEquals(1, got.size());
    Assertions.assertTrue(got.first().endsWith(":unreadable_file"), got.toString());
  }
}
