package org.tifa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.tifa.aggregate.BuildDocuments;
import org.tifa.aggregate.BuildPassages;
import org.tifa.aggregate.BuildRegions;
import org.tifa.aggregate.BuildTerms;
import org.tifa.aggregate.CountTerms;
import org.tifa.analyze.AnalyzeDocuments;
import org.tifa.extract.DiscoverSlogans;
import org.tifa.extract.ExtractTerms;
import org.tifa.extract.MeasureSlogans;
import org.tifa.extract.NameScreen;
import org.tifa.extract.PhraseMiner;
import org.tifa.extract.SloganEvidence;
import org.tifa.extract.SloganRules;
import org.tifa.extract.SloganVerdicts;
import org.tifa.extract.TermDictionary;
import org.tifa.ingest.ListInputs.InputFile;
import org.tifa.ingest.ReadReports;
import org.tifa.normalize.Deduplicate;
import org.tifa.normalize.NearDuplicates;
import org.tifa.options.RunOptions;
import org.tifa.quarantine.StageResult;
import org.tifa.reference.TifaConfig;
import org.tifa.schema.Columns;
import org.tifa.schema.Tables;
import org.tifa.write.Manifest;
import org.tifa.write.SnapshotWriter;

/**
 * {@code tifa run}: JSON reports in, one committed Parquet snapshot out. {@link #run} is its steps,
 * each a method here; where it caches and how it partitions is {@link RunPolicy}'s.
 *
 * <ol>
 *   <li>{@code analyze} — read the files and enforce the input contract (quarantine: ingest), then
 *       each record's per-document work in one pass ({@link AnalyzeDocuments}): normalize the text
 *       and hash the content (quarantine: normalize, bodies that were all boilerplate), resolve the
 *       region, find quoted slogan candidates, sign for near duplicates
 *   <li>{@code deduplicate} — keep the earliest copy of each content, then of each group of near
 *       copies
 *   <li>{@code uniqueTexts} — the texts joined to the unique documents, once: the one text that
 *       later steps read
 *   <li>{@code discoverSlogans} — quoted candidates and mined phrases corpus-wide, each with its
 *       evidence and verdict (slogan_candidates)
 *   <li>{@code dictionary} — the counted slogans with the lexicon and the taxonomy, built on the
 *       driver and broadcast
 *   <li>{@code extractTerms} — every slogan and topic keyword in every unique document's text (pass
 *       two)
 *   <li>{@code writeTables} — quarantine, documents, document_terms, texts, mentions, terms,
 *       slogan_candidates, regions, term_counts
 *   <li>accounting check ({@code Figures}: one aggregation per table written), manifest, atomic
 *       commit
 * </ol>
 */
public final class RunJob {
  private final RunOptions options;
  private final TifaConfig config;
  private final List<InputFile> files;
  private final SnapshotWriter writer;
  private final String snapshotId;
  private final Instant startedAt;
  private final Runnable beforeCommit;
  private final ReferenceData reference;

  /** What the console summary and the exit code are made from. */
  public record Result(
      String snapshotId,
      Path snapshotDir,
      Manifest.Counts counts,
      boolean quarantineExceeded,
      Map<String, Long> tableRows,
      Map<String, Long> documentsByRegionLevel,
      DistinctRegions distinctRegions,
      List<Map.Entry<String, Long>> topSlogans,
      List<Map.Entry<String, Long>> topTopics,
      long nearDuplicates) {}

  public RunJob(
      RunOptions options,
      TifaConfig config,
      ReferenceData reference,
      List<InputFile> files,
      SnapshotWriter writer,
      Instant startedAt,
      Runnable beforeCommit) {
    this.reference = reference;
    this.options = options;
    this.config = config;
    this.files = files;
    this.writer = writer;
    this.snapshotId = writer.id();
    this.startedAt = startedAt;
    this.beforeCommit = beforeCommit;
  }

  /** Runs the job; the writer is committed on success and abandoned on any failure. */
  public Result run(SparkSession spark) throws IOException {
    return writer.commitOrAbandon(() -> runAndCommit(spark));
  }

  private Result runAndCommit(SparkSession spark) throws IOException {
    try (RunPolicy policy = RunPolicy.start(spark, config, files)) {
      Pass pass = analyze(spark, policy);
      Deduplicated deduplicated = deduplicate(spark, pass, policy);
      Dataset<Row> uniqueTexts = uniqueTexts(spark, pass, deduplicated, policy);
      step(spark, "discover slogans");
      SlogansFound found = discoverSlogans(spark, uniqueTexts, deduplicated.unique(), policy);
      TermDictionary dictionary = dictionary(found);
      Extracted extracted = extractTerms(spark, uniqueTexts, dictionary, policy);
      Written written =
          writeTables(spark, pass, deduplicated, uniqueTexts, found, extracted, policy);
      step(spark, "check counts, manifest");
      Figures figures = Figures.of(spark, written);
      Manifest.Counts counts =
          new Manifest.Counts(
              written.records().read(),
              figures.accepted(),
              figures.duplicates(),
              figures.quarantined(),
              figures.reasons());
      if (!counts.balanced()) {
        throw new IllegalStateException("records do not add up, nothing committed: " + counts);
      }
      double maxRatio =
          options.maxQuarantineRatio() != null
              ? options.maxQuarantineRatio()
              : config.maxQuarantineRatio;
      Map<String, Long> tableRows = tableRows(figures, found);
      Manifest manifest =
          manifest(
              spark.version(),
              counts,
              maxRatio,
              tableRows,
              written,
              figures,
              found.summary(dictionary));
      writer.writeText(SnapshotWriter.MANIFEST, manifest.toJson());
      Dataset<Row> writtenTerms =
          spark.read().schema(Tables.TERMS_SCHEMA).parquet(written.terms().toString());
      List<Map.Entry<String, Long>> topSlogans = top(writtenTerms, TermDictionary.SLOGAN);
      List<Map.Entry<String, Long>> topTopics = top(writtenTerms, TermDictionary.TOPIC);
      beforeCommit.run();
      Path committed = writer.commit();
      return new Result(
          snapshotId,
          committed,
          counts,
          counts.quarantineRatio() > maxRatio,
          tableRows,
          figures.byLevel(),
          figures.distinctRegions(),
          topSlogans,
          topTopics,
          written.nearDuplicates());
    }
  }

  /**
   * The one pass over the input (steps 1–3 and the per-document parts of 4 and 5): every record
   * read, parsed, normalized, placed, quoted and signed, rejected ones riding along marked. Kept in
   * two caches: the texts, read once more to join them to the unique documents ({@link
   * #uniqueTexts}), and everything else for the narrow work (quarantine, duplicates, documents),
   * which never moves a text through a shuffle.
   */
  private Pass analyze(SparkSession spark, RunPolicy policy) {
    // The name covers the splitting of large files (its counting job) and everything to the end of
    // deduplicate.
    step(spark, "ingest, normalize, resolve region, deduplicate");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> marked = ReadReports.marked(spark, files, readSettings(config));
    Dataset<Row> analyzed =
        AnalyzeDocuments.apply(
            marked,
            jsc.broadcast(reference.documentAnalyzer(dedupSettings(config))),
            config.quarantineRawBytes);
    Dataset<Row> texts = policy.onDisk(analyzed);
    Dataset<Row> narrow = policy.onDisk(texts.drop(Columns.BODY));
    return new Pass(texts, narrow, StageResult.splitCached(narrow, AnalyzeDocuments.STAGE));
  }

  /**
   * The pass's results: its texts, its narrow rows, and those split into accepted and quarantined.
   */
  private record Pass(Dataset<Row> texts, Dataset<Row> narrow, StageResult records) {}

  /** Step 4: exact copies, then near copies, folded into the earliest. */
  private Deduplicated deduplicate(SparkSession spark, Pass pass, RunPolicy policy) {
    step(spark, "ingest, normalize, resolve region, deduplicate");
    Dataset<Row> input = policy.onDisk(Deduplicate.apply(pass.records().good()));
    NearDuplicates.Result near = NearDuplicates.apply(input, dedupSettings(config));
    step(spark, "keep unique documents");
    return new Deduplicated(input, near, policy.onDisk(near.kept()));
  }

  /**
   * The unique documents with their bodies and all their columns but the quoted candidates, in
   * {@link RunPolicy#documentPartitions} partitions by record: the one join that moves texts,
   * materialized here so that the pass's texts cache is released before anything else reads a text.
   * Discovery, extraction, the texts table and the mentions all read this cache.
   */
  private Dataset<Row> uniqueTexts(
      SparkSession spark, Pass pass, Deduplicated deduplicated, RunPolicy policy) {
    step(spark, "join texts to unique documents");
    Dataset<Row> texts =
        policy.onDisk(
            BuildPassages.uniqueTexts(
                pass.texts().filter(col(Columns.REASON).isNull()),
                deduplicated.unique().drop(DiscoverSlogans.CANDIDATES),
                policy.documentPartitions(),
                RECORD));
    texts.count();
    policy.release(pass.texts());
    return texts;
  }

  /**
   * The accepted records after exact copies (input), near-duplicate detection, and the unique
   * documents.
   */
  private record Deduplicated(
      Dataset<Row> input, NearDuplicates.Result near, Dataset<Row> unique) {}

  /**
   * The run's dictionary: the lexicon, the taxonomy and the counted discovered and mined slogans.
   */
  private TermDictionary dictionary(SlogansFound found) {
    return TermDictionary.build(
        reference.lexicon(),
        reference.taxonomy(),
        TermDictionary.Discovered.of(found.candidates()),
        config.sloganMinDocuments,
        config.wordBoundaryMaxChars);
  }

  /**
   * Step 6: every term of the dictionary in every unique document's text. The texts' partitions
   * ({@link #uniqueTexts}) follow the input's size, not the session's few shuffle partitions: each
   * task placing documents in cells for term_counts then buffers its shuffle output in memory.
   */
  private Extracted extractTerms(
      SparkSession spark, Dataset<Row> uniqueTexts, TermDictionary dictionary, RunPolicy policy) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<TermDictionary> broadcast = jsc.broadcast(dictionary);
    ExtractTerms.Settings settings =
        new ExtractTerms.Settings(
            config.topicMinSalience, config.mentionContexts, config.contextChars);
    Dataset<Row> counted =
        policy.onDisk(ExtractTerms.apply(uniqueTexts, broadcast, settings).drop(Columns.BODY));
    return new Extracted(
        counted, BuildTerms.dimension(spark, dictionary.terms()), broadcast, settings);
  }

  /** The unique documents with their term hits (counted), the term dimension, the dictionary. */
  private record Extracted(
      Dataset<Row> counted,
      Dataset<Row> termDimension,
      Broadcast<TermDictionary> dictionary,
      ExtractTerms.Settings settings) {}

  /** A record's key in the pass's rows: its file and line. */
  private static final String[] RECORD = {Columns.INPUT_FILE, Columns.INPUT_LINE};

  /**
   * Step 7: the tables, in an order that releases the caches of the pass before the biggest step,
   * term_counts, which then has the heap to itself and the counted documents' cache.
   */
  private Written writeTables(
      SparkSession spark,
      Pass pass,
      Deduplicated deduplicated,
      Dataset<Row> uniqueTexts,
      SlogansFound found,
      Extracted extracted,
      RunPolicy policy)
      throws IOException {
    Dataset<Row> counted = extracted.counted();
    step(spark, "count records, normalization, near duplicates");
    PassCounts records = PassCounts.of(pass.narrow());
    long nearDuplicates = deduplicated.near().absorbedCount();
    Path quarantine =
        write(spark, Tables.QUARANTINE, pass.records().quarantine(), Tables.QUARANTINE_SCHEMA, 1);
    // Terms are extracted and joined to the documents here, by the first read of counted, which
    // fills its cache; the documents are then read from it: merged into their few files without a
    // shuffle, and without running the extraction and join in as few tasks.
    step(spark, "extract terms");
    CountTerms.Survey survey = CountTerms.Survey.of(counted);
    Path documents =
        write(
            spark,
            Tables.DOCUMENTS,
            BuildDocuments.apply(counted).coalesce(policy.files(records.accepted())),
            Tables.DOCUMENTS_SCHEMA,
            0);
    Path documentTerms =
        write(
            spark,
            Tables.DOCUMENT_TERMS,
            BuildPassages.documentTerms(counted),
            Tables.DOCUMENT_TERMS_SCHEMA,
            0);
    // The mentions are matched again in the unique texts rather than carried through counting's
    // caches and shuffles.
    Path texts = null;
    if (config.texts) {
      texts =
          write(
              spark,
              Tables.TEXTS,
              BuildPassages.texts(uniqueTexts).coalesce(policy.files(records.accepted())),
              Tables.TEXTS_SCHEMA,
              0);
    }
    Path mentions =
        write(
            spark,
            Tables.MENTIONS,
            BuildPassages.mentions(
                ExtractTerms.mentions(uniqueTexts, extracted.dictionary(), extracted.settings())),
            Tables.MENTIONS_SCHEMA,
            0);
    policy.release(uniqueTexts);
    Path terms =
        write(
            spark,
            Tables.TERMS,
            BuildTerms.apply(counted, extracted.termDimension()),
            Tables.TERMS_SCHEMA,
            1);
    write(
        spark,
        Tables.SLOGAN_CANDIDATES,
        BuildTerms.candidates(spark, found.candidates()),
        Tables.SLOGAN_CANDIDATES_SCHEMA,
        1);
    write(
        spark,
        Tables.REGIONS,
        BuildRegions.apply(spark, reference.gazetteer()),
        Tables.REGIONS_SCHEMA,
        1);
    policy.release(pass.narrow(), deduplicated.input(), deduplicated.unique());
    deduplicated.near().release();
    // Counted in many small partitions (bounded memory each), written by few tasks that take
    // several of them in turn: one file per grain per 64 MiB of input instead of per partition.
    Dataset<Row> termCounts =
        CountTerms.apply(
                counted,
                survey,
                extracted.termDimension(),
                config.grains,
                snapshotId,
                policy.countPartitions(survey.hits()))
            .coalesce(policy.documentPartitions());
    Path termCountsDir =
        write(spark, Tables.TERM_COUNTS, termCounts, Tables.TERM_COUNTS_SCHEMA, 0, Columns.GRAIN);
    return new Written(
        records,
        nearDuplicates,
        quarantine,
        documents,
        documentTerms,
        texts,
        mentions,
        terms,
        termCountsDir);
  }

  private Path write(
      SparkSession spark,
      String table,
      Dataset<Row> rows,
      StructType schema,
      int files,
      String... partitionBy)
      throws IOException {
    step(spark, "write " + table);
    return writer.writeTable(table, rows, schema, files, partitionBy);
  }

  /**
   * What the tables' writing leaves for the manifest: the pass's counts and where each table is.
   */
  private record Written(
      PassCounts records,
      long nearDuplicates,
      Path quarantine,
      Path documents,
      Path documentTerms,
      Path texts,
      Path mentions,
      Path terms,
      Path termCounts) {}

  /**
   * The manifest's figures, from one aggregation per table written: the documents' count,
   * duplicates and regions, the quarantine's reasons, every other table's rows.
   */
  private record Figures(
      long accepted,
      long duplicates,
      Map<String, Long> reasons,
      Map<String, Long> byMethod,
      Map<String, Long> byLevel,
      DistinctRegions distinctRegions,
      Map<String, Long> rows) {
    long quarantined() {
      return reasons.values().stream().mapToLong(Long::longValue).sum();
    }

    static Figures of(SparkSession spark, Written written) {
      // Per (method, level): documents, duplicates and the codes of each level present.
      List<Row> cells =
          read(spark, written.documents(), Tables.DOCUMENTS_SCHEMA)
              .groupBy(col(Columns.REGION_METHOD), col(Columns.REGION_LEVEL))
              .agg(
                  count(lit(1)).as("documents"),
                  sum(col(Columns.DUPLICATE_COUNT)).as("duplicates"),
                  collect_set(col(Columns.PROVINCE_CODE)).as("provinces"),
                  collect_set(col(Columns.PREFECTURE_CODE)).as("prefectures"),
                  collect_set(col(Columns.COUNTY_CODE)).as("counties"))
              .collectAsList();
      long accepted = 0;
      long duplicates = 0;
      Map<String, Long> byMethod = new TreeMap<>();
      Map<String, Long> byLevel = new TreeMap<>();
      Set<String> provinces = new HashSet<>();
      Set<String> prefectures = new HashSet<>();
      Set<String> counties = new HashSet<>();
      for (Row r : cells) {
        long n = longOrZero(r, "documents");
        accepted += n;
        duplicates += longOrZero(r, "duplicates");
        byMethod.merge(orNone(r.getAs(Columns.REGION_METHOD)), n, Long::sum);
        byLevel.merge(orNone(r.getAs(Columns.REGION_LEVEL)), n, Long::sum);
        provinces.addAll(r.getList(r.fieldIndex("provinces")));
        prefectures.addAll(r.getList(r.fieldIndex("prefectures")));
        counties.addAll(r.getList(r.fieldIndex("counties")));
      }
      DistinctRegions distinct =
          new DistinctRegions(provinces.size(), prefectures.size(), counties.size());
      Map<String, Long> reasons = new TreeMap<>();
      for (Row r :
          read(spark, written.quarantine(), Tables.QUARANTINE_SCHEMA)
              .groupBy(Columns.REASON)
              .count()
              .collectAsList()) {
        reasons.put(orNone(r.getAs(Columns.REASON)), r.<Long>getAs("count"));
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      rows.put(
          Tables.TERM_COUNTS, read(spark, written.termCounts(), Tables.TERM_COUNTS_SCHEMA).count());
      rows.put(
          Tables.DOCUMENT_TERMS,
          read(spark, written.documentTerms(), Tables.DOCUMENT_TERMS_SCHEMA).count());
      rows.put(Tables.MENTIONS, read(spark, written.mentions(), Tables.MENTIONS_SCHEMA).count());
      if (written.texts() != null) {
        rows.put(Tables.TEXTS, read(spark, written.texts(), Tables.TEXTS_SCHEMA).count());
      }
      rows.put(Tables.TERMS, read(spark, written.terms(), Tables.TERMS_SCHEMA).count());
      return new Figures(accepted, duplicates, reasons, byMethod, byLevel, distinct, rows);
    }

    private static Dataset<Row> read(SparkSession spark, Path table, StructType schema) {
      return spark.read().schema(schema).parquet(table.toString());
    }
  }

  /** The manifest's {@code tables}: rows per table, in the order the README lists them. */
  private Map<String, Long> tableRows(Figures figures, SlogansFound found) {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put(Tables.DOCUMENTS, figures.accepted());
    out.put(Tables.QUARANTINE, figures.quarantined());
    out.put(Tables.REGIONS, (long) reference.gazetteer().all().size() + 1);
    out.putAll(figures.rows());
    out.put(Tables.SLOGAN_CANDIDATES, (long) found.candidates().size());
    return out;
  }

  private Manifest manifest(
      String sparkVersion,
      Manifest.Counts counts,
      double maxRatio,
      Map<String, Long> tableRows,
      Written written,
      Figures figures,
      Map<String, Object> terms) {
    return new Manifest(snapshotId, Tables.SCHEMA_VERSION, Version.TIFA, sparkVersion)
        .put("started_at", startedAt.toString())
        .put("finished_at", Instant.now().toString())
        .inputs(
            options.inputs(),
            files.stream().map(f -> new Manifest.InputFileEntry(f.path(), f.bytes())).toList())
        .put("config", config.effectiveMap())
        .put("config_sha256", config.sha256())
        .put("tables", tableRows)
        .counts(counts, maxRatio)
        .put("normalization", written.records().normalization())
        .put(
            "regions",
            Map.of(
                "documents_by_method",
                figures.byMethod(),
                "documents_by_level",
                figures.byLevel(),
                "distinct",
                figures.distinctRegions().asMap()))
        .put("terms", terms)
        .put(
            "near_duplicates",
            Map.of(
                "absorbed", written.nearDuplicates(), "threshold", config.nearDuplicateThreshold))
        .put("leftovers", writer.leftovers());
  }

  /** How many regions of each level the accepted documents were placed in. */
  public record DistinctRegions(long provinces, long prefectures, long counties) {
    /** The manifest's {@code regions.distinct}. */
    Map<String, Long> asMap() {
      Map<String, Long> out = new LinkedHashMap<>();
      out.put("provinces", provinces);
      out.put("prefectures", prefectures);
      out.put("counties", counties);
      return out;
    }
  }

  private static String orNone(String value) {
    return value == null ? "none" : value;
  }

  /** The slogan candidates of a run, each with its evidence and verdict. */
  record SlogansFound(List<SloganVerdicts.Candidate> candidates) {
    /** The manifest's {@code terms} figures. */
    Map<String, Object> summary(TermDictionary dictionary) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("slogan_candidates", candidates.size());
      for (SloganEvidence.Origin origin :
          List.of(SloganEvidence.Origin.DISCOVERED, SloganEvidence.Origin.MINED)) {
        out.put(
            "slogans_" + origin.label(),
            candidates.stream().filter(c -> c.counted() && c.origin() == origin).count());
      }
      out.put(
          "dictionary_slogans",
          dictionary.terms().stream().filter(t -> t.kind().equals(TermDictionary.SLOGAN)).count());
      return out;
    }
  }

  /**
   * Slogan discovery: the quoted candidates of the unique documents (found in the first pass), one
   * pass over their texts ({@link #uniqueTexts}) for the candidates' occurrences and the mined
   * phrases, and the verdicts, drawn on the driver from the collected figures.
   */
  private SlogansFound discoverSlogans(
      SparkSession spark, Dataset<Row> uniqueTexts, Dataset<Row> unique, RunPolicy policy) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SloganRules rules = reference.sloganRules();
    NameScreen names = reference.nameScreen();
    List<DiscoverSlogans.Quoted> quoted =
        DiscoverSlogans.apply(unique).collectAsList().stream()
            .map(DiscoverSlogans.Quoted::of)
            .toList();
    MeasureSlogans.Measurer measurer =
        new MeasureSlogans.Measurer(
            quoted.stream().map(DiscoverSlogans.Quoted::key).toList(), reference.phraseMiner());
    Dataset<Row> measured =
        policy.inMemory(
            MeasureSlogans.apply(
                uniqueTexts.select(
                    col(Columns.PROVINCE_CODE), col(Columns.TITLE), col(Columns.BODY)),
                jsc.broadcast(measurer)));
    try {
      Map<String, long[]> occurrences =
          MeasureSlogans.collectOccurrences(MeasureSlogans.occurrences(measured));
      List<PhraseMiner.Phrase> phrases =
          MeasureSlogans.collectPhrases(MeasureSlogans.frequentPhrases(measured, rules.mining()));
      return new SlogansFound(
          SloganVerdicts.decide(
              quoted,
              occurrences,
              phrases,
              reference.lexicon(),
              rules,
              names,
              reference.phraseMiner()));
    } finally {
      policy.release(measured);
    }
  }

  /**
   * The reader's settings from the {@code input} and {@code output} sections of the configuration.
   */
  public static ReadReports.Settings readSettings(TifaConfig config) {
    return new ReadReports.Settings(
        config.maxBodyChars,
        config.maxLineBytes,
        config.quarantineRawBytes,
        config.timeZone,
        config.splitBytes);
  }

  /** Near-duplicate detection's settings from the {@code dedup} section of the configuration. */
  public static NearDuplicates.Settings dedupSettings(TifaConfig config) {
    return new NearDuplicates.Settings(
        config.nearDuplicateThreshold,
        config.shingleChars,
        config.minhashSize,
        config.maxBucketSize);
  }

  /**
   * Names the Spark jobs of the next pipeline step (they carry it as their description into the
   * event log and the UI), so that a run's time can be split by step; null clears it.
   */
  private static void step(SparkSession spark, String name) {
    spark.sparkContext().setJobDescription(name);
  }

  /**
   * Records read and accepted, and how much normalization did over the accepted ones (before
   * duplicates are removed), from the pass's narrow rows.
   */
  record PassCounts(long read, long accepted, Map<String, Long> normalization) {
    /** All in one aggregation over the marked records of the pass. */
    static PassCounts of(Dataset<Row> marked) {
      Column accepted = col(Columns.REASON).isNull();
      Row r =
          marked
              .agg(
                  count(lit(1)).as("read"),
                  count(when(accepted, lit(1))).as("accepted"),
                  sum(when(accepted, col(Columns.PINYIN_REMOVED))).as("pinyin_annotations_removed"),
                  sum(when(accepted, col(Columns.LINES_DROPPED))).as("boilerplate_lines_dropped"),
                  sum(when(accepted, col(Columns.TRADITIONAL_CONVERTED)))
                      .as("traditional_characters_converted"),
                  count(when(accepted.and(col(Columns.TRADITIONAL_CONVERTED).gt(0)), lit(1)))
                      .as("records_with_traditional_text"))
              .first();
      Map<String, Long> normalization = new LinkedHashMap<>();
      for (String figure :
          List.of(
              "pinyin_annotations_removed",
              "boilerplate_lines_dropped",
              "traditional_characters_converted",
              "records_with_traditional_text")) {
        normalization.put(figure, longOrZero(r, figure));
      }
      return new PassCounts(longOrZero(r, "read"), longOrZero(r, "accepted"), normalization);
    }
  }

  /** A count or sum of a row by its name; 0 when the sum was over no rows (null). */
  private static long longOrZero(Row r, String name) {
    Long value = r.getAs(name);
    return value == null ? 0 : value;
  }

  /**
   * The terms of a kind with the most documents about them (for slogans, the documents mentioning
   * them; for topics, those at or above the minimum salience), ties by id.
   */
  private List<Map.Entry<String, Long>> top(Dataset<Row> terms, String kind) {
    return terms
        .filter(col(Columns.TERM_KIND).equalTo(kind).and(col(Columns.WEIGHTED_DOCUMENTS).gt(0)))
        .orderBy(col(Columns.WEIGHTED_DOCUMENTS).desc(), col(Columns.TERM_ID).asc())
        .select(Columns.TERM, Columns.WEIGHTED_DOCUMENTS)
        .limit(config.summaryTop)
        .collectAsList()
        .stream()
        .map(r -> Map.entry(r.getString(0), r.getLong(1)))
        .toList();
  }
}
