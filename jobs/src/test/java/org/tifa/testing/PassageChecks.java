package org.tifa.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * Properties every snapshot's traceability tables hold, checked with DuckDB apart from Spark: each
 * mention is its text at its offsets, document_terms is the mentions grouped, and every figure of
 * term_counts is the rollup of document_terms and of mentions to its grain and region: mentions,
 * documents, weighted documents, sources, first and last seen (with the documents' source and
 * date).
 */
public final class PassageChecks {
  private PassageChecks() {}

  /** Asserts all three properties of the snapshot at {@code snapshot}; returns its mentions. */
  public static long assertTraceable(Path snapshot) throws SQLException {
    String s = snapshot.toString();
    String text = "coalesce(x.title, '') || chr(10) || x.body";
    List<Object> offsets =
        DuckDb.query(
                "SELECT count(*), "
                    + "count(*) FILTER (WHERE substring("
                    + text
                    + ", m.start + 1, m.\"end\" - m.start) <> m.surface), "
                    + "count(*) FILTER (WHERE m.context IS NOT NULL AND substring(m.context, m.start - m.context_start + 1, "
                    + "m.\"end\" - m.start) <> m.surface), "
                    + "count(*) FILTER (WHERE m.context IS NOT NULL AND substring("
                    + text
                    + ", m.context_start + 1, "
                    + "length(m.context)) <> m.context), "
                    + "count(*) FILTER (WHERE x.doc_id IS NULL) "
                    + "FROM read_parquet('"
                    + s
                    + "/mentions/*.parquet') m LEFT JOIN read_parquet('"
                    + s
                    + "/texts/*.parquet') x USING (doc_id)")
            .get(0);
    long mentions = (Long) offsets.get(0);
    assertTrue(mentions > 0, "the snapshot has mentions");
    assertEquals(
        List.of(mentions, 0L, 0L, 0L, 0L),
        offsets,
        "mentions, then: surfaces not at their offsets, contexts without their "
            + "mention, contexts not at their offsets, mentions of documents without a text");

    List<Object> grouped =
        DuckDb.query(
                "SELECT count(*) FROM (SELECT doc_id, term_kind, term_id, count(*) AS n, count(*) FILTER (WHERE quoted) AS q, "
                    + "min(start) AS f FROM read_parquet('"
                    + s
                    + "/mentions/*.parquet') GROUP BY ALL) a "
                    + "FULL JOIN read_parquet('"
                    + s
                    + "/document_terms/*.parquet') b USING (doc_id, term_kind, term_id) "
                    + "WHERE a.n IS DISTINCT FROM b.mentions OR a.q IS DISTINCT FROM b.quoted_mentions OR a.f IS DISTINCT FROM b.first_start")
            .get(0);
    assertEquals(List.of(0L), grouped, "document_terms rows that are not their mentions grouped");

    // Each document placed in its periods (at the grains its date precision allows) and regions
    // (the country, and each level of the region it resolved to), as term_counts is documented.
    String placed =
        "placed AS (SELECT g.grain, CASE g.grain WHEN 'day' THEN strftime(d.published_date, '%Y-%m-%d') "
            + "WHEN 'week' THEN strftime(d.published_date, '%G-W%V') WHEN 'month' THEN strftime(d.published_date, '%Y-%m') "
            + "WHEN 'quarter' THEN year(d.published_date) || '-Q' || quarter(d.published_date) "
            + "ELSE CAST(year(d.published_date) AS VARCHAR) END AS period, lv.level, lv.code, d.doc_id, d.source, d.published_date AS day "
            + "FROM read_parquet('"
            + s
            + "/documents/*.parquet') d "
            + "CROSS JOIN (VALUES ('day'), ('week'), ('month'), ('quarter'), ('year')) g(grain) "
            + "CROSS JOIN LATERAL (VALUES ('country', '000000'), ('province', d.province_code), "
            + "('prefecture', d.prefecture_code), ('county', d.county_code)) lv(level, code) "
            + "WHERE lv.code IS NOT NULL AND (g.grain = 'year' OR d.date_precision = 'day' "
            + "OR (g.grain IN ('quarter', 'month') AND d.date_precision = 'month')))";
    String counts =
        "t AS (SELECT grain, period, region_level AS level, region_code AS code, term_kind, term_id, mentions AS m, "
            + "documents AS n, weighted_documents AS w, sources AS s, first_seen AS a, last_seen AS b FROM read_parquet('"
            + s
            + "/term_counts/*/*.parquet', hive_partitioning = true))";
    String fromTerms =
        "r AS (SELECT p.grain, p.period, p.level, p.code, f.term_kind, f.term_id, sum(f.mentions) AS m, count(*) AS n, "
            + "count(*) FILTER (WHERE f.about) AS w, count(DISTINCT p.source) AS s, min(p.day) AS a, max(p.day) AS b FROM placed p JOIN read_parquet('"
            + s
            + "/document_terms/*.parquet') f USING (doc_id) "
            + "WHERE p.grain IN (SELECT DISTINCT grain FROM t) GROUP BY ALL)";
    String fromMentions =
        "q AS (SELECT p.grain, p.period, p.level, p.code, f.term_kind, f.term_id, count(*) AS m, count(DISTINCT f.doc_id) AS n "
            + "FROM placed p JOIN read_parquet('"
            + s
            + "/mentions/*.parquet') f USING (doc_id) "
            + "WHERE p.grain IN (SELECT DISTINCT grain FROM t) GROUP BY ALL)";
    String keys = "(grain, period, level, code, term_kind, term_id)";
    List<Object> rollup =
        DuckDb.query(
                "WITH "
                    + placed
                    + ", "
                    + counts
                    + ", "
                    + fromTerms
                    + ", "
                    + fromMentions
                    + " SELECT "
                    + "(SELECT count(*) FROM t), "
                    + "(SELECT count(*) FROM r FULL JOIN t USING "
                    + keys
                    + " WHERE r.m IS DISTINCT FROM t.m OR r.n IS DISTINCT FROM t.n OR r.w IS DISTINCT FROM t.w OR r.s IS DISTINCT FROM t.s"
                    + " OR r.a IS DISTINCT FROM t.a OR r.b IS DISTINCT FROM t.b), "
                    + "(SELECT count(*) FROM q FULL JOIN t USING "
                    + keys
                    + " WHERE q.m IS DISTINCT FROM t.m OR q.n IS DISTINCT FROM t.n)")
            .get(0);
    assertTrue((Long) rollup.get(0) > 0, "the snapshot has term_counts");
    assertEquals(
        List.of(rollup.get(0), 0L, 0L),
        rollup,
        "term_counts rows, then: rows that differ from the rollup of document_terms, of mentions");
    return mentions;
  }
}
