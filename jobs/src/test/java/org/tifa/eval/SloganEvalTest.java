package org.tifa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tifa.extract.SloganExtractor;

class SloganEvalTest {

  private static final SloganExtractor EXTRACTOR = SloganExtractor.loadDefault();

  private static Path resourceDir(String name) throws URISyntaxException {
    return Path.of(SloganEvalTest.class.getResource("/" + name + "/labels.jsonl").toURI())
        .getParent();
  }

  @Test
  void handWrittenSetMeetsTheBar() throws Exception {
    List<LabelledSet.Doc> docs = LabelledSet.load(resourceDir("SloganEval"));
    SloganEval.Score score = SloganEval.score(docs, EXTRACTOR);

    assertEquals(64, docs.size());
    assertTrue(score.meetsBar(), SloganEval.report(resourceDir("SloganEval"), score));
  }

  @Test
  void loaderReadsJsonArraysGzipAndBomFilesByIdOrLine() throws Exception {
    List<LabelledSet.Doc> docs = LabelledSet.load(resourceDir("SloganEvalTest"));

    assertEquals(5, docs.size());
    assertEquals("落实“六稳”", docs.get(0).title());
    assertEquals("推进“三农”工作", docs.get(1).body());
    assertEquals(Set.of(), docs.get(1).nonSlogans());
    assertEquals("建设「双碳」示范区", docs.get(2).body());
    assertEquals("开展“亮身份”活动", docs.get(3).body());
    assertEquals("推动“高质量发展”和“5G”", docs.get(4).body());
  }

  @Test
  void scoreCountsHitsFalsePositivesAndMisses() throws Exception {
    SloganEval.Score score =
        SloganEval.score(LabelledSet.load(resourceDir("SloganEvalTest")), EXTRACTOR);

    assertEquals(5, score.truePositives());
    assertEquals(List.of("input/c.jsonl:1\t亮身份"), score.falsePositives());
    assertEquals(1, score.labelledNonSlogans());
    assertEquals(List.of("input/c.jsonl:3\t两新"), score.misses());
    assertEquals(5.0 / 6, score.precision(), 1e-9);
    assertEquals(5.0 / 6, score.recall(), 1e-9);
  }

  @Test
  void emptyScoreIsPerfectRatherThanUndefined() {
    SloganEval.Score none = new SloganEval.Score(0, 0, List.of(), List.of(), 0);

    assertEquals(1.0, none.precision());
    assertEquals(1.0, none.recall());
  }
}
