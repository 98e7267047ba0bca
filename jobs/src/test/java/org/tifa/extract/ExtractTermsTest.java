package org.tifa.extract;

import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.tifa.SparkTest;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;
import org.tifa.schema.Columns;

class ExtractTermsTest extends SparkTest {
  private static ExtractTerms.Settings settings(double minSalience) {
    return new ExtractTerms.Settings(minSalience, 3, 60);
  }

  /** The result for a body without a title, as if the document were {@code chars} long. */
  private static Row row(TermDictionary dictionary, String body, int chars) {
    return ExtractTerms.toRow(
        dictionary.mentions(null, body),
        Passage.text(null, body),
        chars,
        settings(3.0),
        dictionary);
  }

  @Test
  void countsEveryOccurrenceQuotedOrNotWithTheLongestMatch() {
    // 蓉易办 was found quoted elsewhere (discovered); 新质生产力 is a lexicon slogan; 聚力攻坚突破年
    // is not known, so the title's mention is of the lexicon's 攻坚突破年.
    TermDictionary dictionary =
        TermDictionary.build(
            SloganLexicon.loadDefault(),
            Taxonomy.loadDefault(),
            List.of(new TermDictionary.Discovered("蓉易办", "蓉易办", new String[] {"蓉易办"}, 1)),
            1,
            3);
    Dataset<Row> docs =
        spark()
            .createDataFrame(
                List.of(RowFactory.create("d", "聚力攻坚突破年 政协履职见行动", "培育新质生产力，推广蓉易办平台，“蓉易办”好用。")),
                new StructType()
                    .add(Columns.DOC_ID, StringType)
                    .add(Columns.TITLE, StringType)
                    .add(Columns.BODY, StringType));

    Row r = ExtractTerms.apply(docs, jsc().broadcast(dictionary), settings(3.0)).first();
    Map<String, Integer> slogans = new java.util.TreeMap<>();
    for (Row hit : r.<Row>getList(r.fieldIndex(Columns.TERM_HITS))) {
      if (hit.getString(0).equals(TermDictionary.SLOGAN)) {
        slogans.put(hit.getString(1), hit.getInt(2));
      }
      Assertions.assertEquals(
          TermDictionary.key(hit.getString(0), hit.getString(1)),
          hit.getLong(hit.fieldIndex(Columns.TERM_KEY)));
    }
    Assertions.assertEquals(Map.of("攻坚突破年", 1, "新质生产力", 1, "蓉易办", 2), slogans);
    Assertions.assertEquals(
        List.of("攻坚突破年", "新质生产力", "蓉易办"), r.getList(r.fieldIndex(Columns.SLOGANS)));
  }

  /**
   * topic id → [mentions, salience, about] of a document's hits, by position: hits, slogans,
   * topics; kind, id, mentions, key, salience, about. A row of {@link ExtractTerms#toRow} holds
   * Java arrays, one read back from Spark lists.
   */
  private static Map<String, List<Object>> topicHits(Row result) {
    Map<String, List<Object>> out = new java.util.TreeMap<>();
    for (Row hit : result.get(0) instanceof Row[] hits ? List.of(hits) : result.<Row>getList(0)) {
      if (hit.getString(0).equals(TermDictionary.TOPIC)) {
        out.put(hit.getString(1), List.of(hit.getInt(2), hit.getDouble(4), hit.getBoolean(5)));
      }
    }
    return out;
  }

  private static List<String> topics(Row result) {
    return result.get(2) instanceof String[] ids ? List.of(ids) : result.getList(2);
  }

  @Test
  void aPassingMentionInALongReportIsCountedButIsNotItsTopic() {
    // The 1978 national work report (31,881 characters) names 新能源 once, in a list of
    // modernization goals: energy_carbon is mentioned at 10,000 / 31,881 = 0.31 per 10,000, far
    // below 3, so the report is not about it; the hit is still there to be counted.
    TermDictionary dictionary =
        TermDictionary.build(SloganLexicon.loadDefault(), Taxonomy.loadDefault(), List.of(), 1, 3);
    String sentence = "我们要广泛应用现代科学技术成果，大量采用新型材料和新能源，实现主要产品和生产工艺的现代化";

    Row r = row(dictionary, sentence, 31_881);

    Assertions.assertEquals(
        Map.of("energy_carbon", List.of(1, 10_000 / 31_881.0, false)), topicHits(r));
    Assertions.assertEquals(List.of(), topics(r));
  }

  @Test
  void aShortNoticeIsAboutWhatItNamesOnceAndALongReportsOneLineIsNot() {
    // A 271-character CCDI notice names 立案审查 once (36.9 per 10,000); the 2026 Hubei report
    // (21,437 characters) names 中央八项规定精神 once (0.47 per 10,000).
    TermDictionary dictionary =
        TermDictionary.build(SloganLexicon.loadDefault(), Taxonomy.loadDefault(), List.of(), 1, 3);
    Row notice = row(dictionary, "日前，经中共中央批准，中央纪律检查委员会对十八届中央书记处书记、国务委员兼国务院秘书长杨晶严重违纪问题立案审查。", 271);
    Row report = row(dictionary, "锲而不舍落实中央八项规定精神，推进作风建设常态化长效化。", 21_437);

    Assertions.assertEquals(List.of("anti_corruption"), topics(notice));
    Assertions.assertEquals(List.of(), topics(report));
    Assertions.assertEquals(
        List.of(1, 10_000 / 21_437.0, false), topicHits(report).get("anti_corruption"));
  }

  @Test
  void theDocumentsLengthIsItsTitleAndBodyInSpark() {
    // Title 2 characters, body 18: 人才 and 院士 are two talent mentions in 20 characters,
    // 1,000 per 10,000; 新能源 one energy mention, 500 per 10,000. At a minimum of 600 only
    // talent is the document's topic; at 0 both are.
    TermDictionary dictionary =
        TermDictionary.build(SloganLexicon.loadDefault(), Taxonomy.loadDefault(), List.of(), 1, 3);
    Dataset<Row> docs =
        spark()
            .createDataFrame(
                List.of(RowFactory.create("d", "人才", "新增两院院士，大力发展新能源汽车产业")),
                new StructType()
                    .add(Columns.DOC_ID, StringType)
                    .add(Columns.TITLE, StringType)
                    .add(Columns.BODY, StringType));

    String[] result = {Columns.TERM_HITS, Columns.SLOGANS, Columns.TOPICS, Columns.TOPIC_SALIENCE};
    Row strict =
        ExtractTerms.apply(docs, jsc().broadcast(dictionary), settings(600))
            .selectExpr(result)
            .first();
    Row any =
        ExtractTerms.apply(docs, jsc().broadcast(dictionary), settings(0))
            .selectExpr(result)
            .first();

    Assertions.assertEquals(List.of(2, 1000.0, true), topicHits(strict).get("talent"));
    Assertions.assertEquals(List.of(1, 500.0, false), topicHits(strict).get("energy_carbon"));
    Assertions.assertEquals(List.of("talent"), topics(strict));
    Assertions.assertEquals(List.of("energy_carbon", "talent"), topics(any));
    // Every topic mentioned keeps its salience, whether the document is about it or not.
    List<String> salience = new java.util.ArrayList<>();
    for (Row t : strict.<Row>getList(3)) {
      salience.add(t.getString(0) + " " + t.getInt(1) + " " + t.getDouble(2));
    }
    Assertions.assertEquals(List.of("energy_carbon 1 500.0", "talent 2 1000.0"), salience);
  }

  @Test
  void termKeysAreFnv1aOfKindNulAndIdAndTellSplitsApart() {
    // Expected values computed apart from this code: FNV-1a 64 over the UTF-16LE bytes of
    // kind + "\0" + id, as signed longs. In Python: h = 0xcbf29ce484222325; for b in
    // (kind + "\0" + id).encode("utf-16-le"): h = ((h ^ b) * 0x100000001b3) % 2**64.
    Assertions.assertEquals(3258825811357008498L, TermDictionary.key("slogan", "三亮"));
    Assertions.assertEquals(4058127643937959515L, TermDictionary.key("topic", "party_building"));
    Assertions.assertNotEquals(TermDictionary.key("ab", "c"), TermDictionary.key("a", "bc"));
  }
}
