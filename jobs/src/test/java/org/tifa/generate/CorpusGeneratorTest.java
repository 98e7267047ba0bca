package org.tifa.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifa.ReferenceData;
import org.tifa.ingest.ParseReport;
import org.tifa.ingest.PublishedAt;
import org.tifa.normalize.ScriptConverter;

class CorpusGeneratorTest {
  private static final ReferenceData REFERENCE = ReferenceData.bundled();
  private static final int N = 4000;

  private static CorpusGenerator generator(long seed) {
    return new CorpusGenerator(
        seed, REFERENCE.gazetteer(), REFERENCE.lexicon(), REFERENCE.taxonomy());
  }

  @Test
  void recordsDependOnlyOnSeedAndIndex() {
    CorpusGenerator a = generator(7);
    CorpusGenerator b = generator(7);
    for (long i : new long[] {0, 1, 17, 999, 3999}) {
      assertEquals(a.record(i), b.record(i));
    }
    assertTrue(!a.record(5).equals(generator(8).record(5)));
  }

  @Test
  void theSplitIntoFilesDoesNotChangeTheRecords(@TempDir Path tmp) throws Exception {
    WriteCorpus.write(generator(3), 300, tmp.resolve("one"), 1, false);
    WriteCorpus.write(generator(3), 300, tmp.resolve("three"), 3, false);
    String whole = Files.readString(tmp.resolve("one/part-00000.jsonl"));
    StringBuilder joined = new StringBuilder();
    for (int f = 0; f < 3; f++) {
      joined.append(Files.readString(tmp.resolve(String.format("three/part-%05d.jsonl", f))));
    }
    assertEquals(whole, joined.toString());
    assertEquals(300, whole.lines().count());
  }

  @Test
  void theMixLooksLikeRealInput() throws IOException {
    ParseReport parser = new ParseReport(2_000_000, new PublishedAt(ZoneId.of("Asia/Shanghai")));
    CorpusGenerator g = generator(11);
    int broken = 0;
    int traditional = 0;
    int repeatedBodies = 0;
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    Set<String> bodies = new HashSet<>();
    for (long i = 0; i < N; i++) {
      ParseReport.Outcome o = parser.parse(g.record(i));
      if (o.report() == null) {
        broken++;
        continue;
      }
      String body = o.report().body();
      // A copy keeps its original's title and date; a near copy also gains a footer line.
      if (!bodies.add(o.report().title() + "|" + o.report().publishedAtRaw())) {
        repeatedBodies++;
      }
      if (body.chars().anyMatch(c -> ScriptConverter.isTraditionalOnly((char) c))) {
        traditional++;
      }
      shortest = Math.min(shortest, body.length());
      longest = Math.max(longest, body.length());
    }
    // Targets: 0.5% broken, 5% copies, 10% Traditional; bounds allow for sampling noise at N =
    // 4,000.
    assertTrue(broken >= 0.002 * N && broken <= 0.01 * N, "broken " + broken);
    assertTrue(
        repeatedBodies >= 0.03 * N && repeatedBodies <= 0.07 * N, "copies " + repeatedBodies);
    assertTrue(traditional >= 0.07 * N && traditional <= 0.13 * N, "traditional " + traditional);
    assertTrue(shortest >= 300 && longest <= 8200, shortest + ".." + longest);
  }
}
