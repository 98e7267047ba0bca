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
import org.tifa.Columns;
import org.tifa.SparkTest;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;

class ExtractTermsTest extends SparkTest {
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
        spark().createDataFrame(
            List.of(RowFactory.create("d", "聚力攻坚突破年 政协履职见行动", "发展新质生产力，推广蓉易办平台，“蓉易办”好用。")),
            new StructType().add(Columns.DOC_ID, StringType).add(Columns.TITLE, StringType).add(Columns.BODY, StringType));

    Row r = ExtractTerms.apply(docs, jsc().broadcast(dictionary)).first();
    Map<String, Integer> slogans = new java.util.TreeMap<>();
    for (Row hit : r.<Row>getList(r.fieldIndex(Columns.TERM_HITS))) {
      if (hit.getString(0).equals(TermDictionary.SLOGAN)) {
        slogans.put(hit.getString(1), hit.getInt(2));
      }
      Assertions.assertEquals(TermDictionary.key(hit.getString(0), hit.getString(1)), hit.getLong(hit.fieldIndex(Columns.TERM_KEY)));
    }
    Assertions.assertEquals(Map.of("攻坚突破年", 1, "新质生产力", 1, "蓉易办", 2), slogans);
    Assertions.assertEquals(List.of("攻坚突破年", "新质生产力", "蓉易办"), r.getList(r.fieldIndex(Columns.SLOGANS)));
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
