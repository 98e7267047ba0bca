package org.tifa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
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
import org.tifa.spark.Sessions;
import org.tifa.write.Manifest;
import org.tifa.write.SnapshotWriter;

/**
 * {@code tifa run}: JSON reports in, one committed Parquet snapshot out.
 *
 * <ol>
 *   <li>ingest — read the files, enforce the input contract (quarantine: ingest)
 *   <li>normalize — clean the text, hash the content (quarantine: normalize, bodies that were all
 *       boilerplate)
 *   <li>resolve region — from the given fields, else from the text
 *   <li>deduplicate — keep the earliest copy of each content, then of each group of near copies
 *   <li>discover slogans — quoted candidates and mined phrases corpus-wide, each with its evidence
 *       and verdict (slogan_candidates); the dictionary of the counted ones is built on the driver
 *       and broadcast
 *   <li>extract terms — every slogan and topic keyword in every document (pass two)
 *   <li>count — documents, document_terms, mentions, texts, term_counts, terms, slogan_candidates,
 *       regions tables
 *   <li>write — tables, accounting check, manifest, atomic commit
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
      Map<String, Long> distinctRegions,
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
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<String> paths = files.stream().map(InputFile::path).toList();
    int parts = documentPartitions(spark);
    String shufflePartitions = spark.conf().get("spark.sql.shuffle.partitions");
    if (Boolean.parseBoolean(spark.conf().get(Sessions.AUTO_SHUFFLE_PARTITIONS, "false"))) {
      // Embedded with the default of a few partitions: at 4 GB each task of duplicate detection
      // sorted a gigabyte and spilled most of it. One partition per 64 MiB of input instead.
      int current = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
      spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(Math.max(current, parts)));
    }
    NearDuplicates.Settings dedup = dedupSettings(config);
    // One pass over the input does all per-document work: parse, normalize, resolve the region,
    // sign for near duplicates, find quoted slogan candidates. Rejected records ride along marked.
    Dataset<Row> marked = ReadReports.marked(spark, paths, readSettings(config));
    Dataset<Row> analyzed =
        AnalyzeDocuments.apply(
            marked, jsc.broadcast(reference.documentAnalyzer(dedup)), config.quarantineRawBytes);
    // Two caches of that pass, both on disk (the page cache serves them; in the heap they left a
    // small heap no room and made a large one collect garbage): the texts, read once more to
    // count terms, and everything else for the narrow work — quarantine, duplicates, discovery,
    // documents — which never moves a text through a shuffle.
    Dataset<Row> texts = analyzed.persist(StorageLevel.DISK_ONLY());
    Dataset<Row> narrow = texts.drop(Columns.BODY).persist(StorageLevel.DISK_ONLY());
    StageResult records = StageResult.splitCached(narrow, AnalyzeDocuments.STAGE);

    step(spark, "ingest, normalize, resolve region, deduplicate");
    Dataset<Row> dedupInput = Deduplicate.apply(records.good()).persist(StorageLevel.DISK_ONLY());
    NearDuplicates.Result deduplicated = NearDuplicates.apply(dedupInput, dedup);
    step(spark, "keep unique documents");
    Dataset<Row> unique = deduplicated.kept().persist(StorageLevel.DISK_ONLY());

    step(spark, "discover slogans");
    SlogansFound found = discoverSlogans(spark, jsc, texts, unique);
    TermDictionary dictionary =
        TermDictionary.build(
            reference.lexicon(),
            reference.taxonomy(),
            TermDictionary.Discovered.of(found.candidates()),
            config.sloganMinDocuments,
            config.wordBoundaryMaxChars);
    // Terms are matched in every accepted text, duplicates included (a twentieth more work), so
    // that only the narrow results, not the texts, are joined to the unique documents.
    String[] record = {Columns.INPUT_FILE, Columns.INPUT_LINE};
    org.apache.spark.broadcast.Broadcast<TermDictionary> dictionaryBroadcast =
        jsc.broadcast(dictionary);
    ExtractTerms.Settings extractSettings =
        new ExtractTerms.Settings(
            config.topicMinSalience, config.mentionContexts, config.contextChars);
    Dataset<Row> hits =
        ExtractTerms.apply(
                texts
                    .filter(col(Columns.REASON).isNull())
                    .select(col(record[0]), col(record[1]), col(Columns.TITLE), col(Columns.BODY)),
                dictionaryBroadcast,
                extractSettings)
            .drop(Columns.TITLE, Columns.BODY);
    // Partitioned by input size (one per 64 MiB), not by the session's few shuffle partitions:
    // each task placing documents in cells for term_counts then buffers its shuffle output in
    // memory instead of spilling it (which, in a small heap, was mostly garbage collection).
    Dataset<Row> counted =
        unique
            .drop(DiscoverSlogans.CANDIDATES)
            .repartition(parts, col(record[0]), col(record[1]))
            .join(hits.repartition(parts, col(record[0]), col(record[1])), record)
            .persist(StorageLevel.DISK_ONLY());

    Dataset<Row> documents = BuildDocuments.apply(counted);
    Dataset<Row> termDimension = BuildTerms.dimension(spark, dictionary.terms());
    Dataset<Row> terms = BuildTerms.apply(counted, termDimension);
    Dataset<Row> quarantine = records.quarantine();
    Dataset<Row> candidates = BuildTerms.candidates(spark, found.candidates());

    try {
      // Everything that reads the caches of the first pass comes first; they are released before
      // the biggest step, term_counts, which then has the heap to itself and counted's cache.
      step(spark, "count records, normalization, near duplicates");
      FirstPassCounts firstPass = FirstPassCounts.of(narrow);
      long recordsRead = firstPass.read();
      long acceptedRecords = firstPass.accepted();
      Map<String, Long> normalization = firstPass.normalization();
      long nearDuplicates = deduplicated.absorbedCount();
      step(spark, "write quarantine");
      Path quarantineDir =
          writer.writeTable(Tables.QUARANTINE, quarantine, Tables.QUARANTINE_SCHEMA, 1);
      // Terms are extracted and joined to the documents here, by the first read of counted, which
      // fills its cache; the documents are then read from it: merged into their few files without
      // a shuffle, and without running the extraction and join in as few tasks.
      step(spark, "extract terms");
      CountTerms.Survey survey = CountTerms.Survey.of(counted);
      step(spark, "write documents");
      Path documentsDir =
          writer.writeTable(
              Tables.DOCUMENTS,
              documents.coalesce(files(acceptedRecords)),
              Tables.DOCUMENTS_SCHEMA,
              0);
      step(spark, "write document_terms");
      Path documentTermsDir =
          writer.writeTable(
              Tables.DOCUMENT_TERMS,
              BuildPassages.documentTerms(counted),
              Tables.DOCUMENT_TERMS_SCHEMA,
              0);
      // The texts of the unique documents, read for the mentions (matched again here rather than
      // carried through counting's joins) and, when it is written, for the texts table: kept on
      // disk only then.
      Dataset<Row> uniqueTexts =
          BuildPassages.uniqueTexts(texts.filter(col(Columns.REASON).isNull()), unique, record);
      if (config.texts) {
        uniqueTexts = uniqueTexts.persist(StorageLevel.DISK_ONLY());
      }
      Path textsDir = null;
      if (config.texts) {
        step(spark, "write texts");
        textsDir =
            writer.writeTable(
                Tables.TEXTS,
                BuildPassages.texts(uniqueTexts).coalesce(files(acceptedRecords)),
                Tables.TEXTS_SCHEMA,
                0);
      }
      step(spark, "write mentions");
      Path mentionsDir =
          writer.writeTable(
              Tables.MENTIONS,
              BuildPassages.mentions(
                  ExtractTerms.mentions(uniqueTexts, dictionaryBroadcast, extractSettings)),
              Tables.MENTIONS_SCHEMA,
              0);
      uniqueTexts.unpersist(false);
      step(spark, "write terms");
      Path termsDir = writer.writeTable(Tables.TERMS, terms, Tables.TERMS_SCHEMA, 1);
      step(spark, "write slogan_candidates");
      writer.writeTable(Tables.SLOGAN_CANDIDATES, candidates, Tables.SLOGAN_CANDIDATES_SCHEMA, 1);
      step(spark, "write regions");
      writer.writeTable(
          Tables.REGIONS,
          BuildRegions.apply(spark, reference.gazetteer()),
          Tables.REGIONS_SCHEMA,
          1);
      for (Dataset<Row> done : List.of(texts, narrow, dedupInput, unique)) {
        done.unpersist(false);
      }
      deduplicated.release();
      step(spark, "write term_counts");
      // Counted in many small partitions (bounded memory each), written by few tasks that take
      // several of them in turn: one file per grain per 64 MiB of input instead of per partition
      // (files of ~90 KB before, each costing Hadoop's local file system a forked chmod).
      Dataset<Row> termCounts =
          CountTerms.apply(
                  counted,
                  survey,
                  termDimension,
                  config.grains,
                  snapshotId,
                  countPartitions(spark, survey.hits()))
              .coalesce(parts);
      Path termCountsDir =
          writer.writeTable(
              Tables.TERM_COUNTS, termCounts, Tables.TERM_COUNTS_SCHEMA, 0, Columns.GRAIN);

      step(spark, "check counts, manifest");
      Dataset<Row> writtenDocs =
          spark.read().schema(Tables.DOCUMENTS_SCHEMA).parquet(documentsDir.toString());
      Map<String, Long> reasons =
          countBy(
              spark.read().schema(Tables.QUARANTINE_SCHEMA).parquet(quarantineDir.toString()),
              Columns.REASON);
      long quarantined = reasons.values().stream().mapToLong(Long::longValue).sum();
      Row docTotals = writtenDocs.agg(count(lit(1)), sum(col(Columns.DUPLICATE_COUNT))).first();
      long accepted = docTotals.getLong(0);
      long duplicates = docTotals.isNullAt(1) ? 0 : docTotals.getLong(1);
      Manifest.Counts counts =
          new Manifest.Counts(recordsRead, accepted, duplicates, quarantined, reasons);
      if (!counts.balanced()) {
        throw new IllegalStateException("records do not add up, nothing committed: " + counts);
      }
      double maxRatio =
          options.maxQuarantineRatio() != null
              ? options.maxQuarantineRatio()
              : config.maxQuarantineRatio;
      boolean exceeded = counts.quarantineRatio() > maxRatio;

      Map<String, Long> tableRows = new LinkedHashMap<>();
      tableRows.put(Tables.DOCUMENTS, accepted);
      tableRows.put(Tables.QUARANTINE, quarantined);
      tableRows.put(Tables.REGIONS, (long) reference.gazetteer().all().size() + 1);
      tableRows.put(
          Tables.TERM_COUNTS,
          spark.read().schema(Tables.TERM_COUNTS_SCHEMA).parquet(termCountsDir.toString()).count());
      tableRows.put(
          Tables.DOCUMENT_TERMS,
          spark
              .read()
              .schema(Tables.DOCUMENT_TERMS_SCHEMA)
              .parquet(documentTermsDir.toString())
              .count());
      tableRows.put(
          Tables.MENTIONS,
          spark.read().schema(Tables.MENTIONS_SCHEMA).parquet(mentionsDir.toString()).count());
      if (textsDir != null) {
        tableRows.put(
            Tables.TEXTS,
            spark.read().schema(Tables.TEXTS_SCHEMA).parquet(textsDir.toString()).count());
      }
      Dataset<Row> writtenTerms =
          spark.read().schema(Tables.TERMS_SCHEMA).parquet(termsDir.toString());
      tableRows.put(Tables.TERMS, writtenTerms.count());
      tableRows.put(Tables.SLOGAN_CANDIDATES, (long) found.candidates().size());
      Map<String, Long> byMethod = countBy(writtenDocs, Columns.REGION_METHOD);
      Map<String, Long> byLevel = countBy(writtenDocs, Columns.REGION_LEVEL);
      Map<String, Long> distinctRegions = distinctRegions(writtenDocs);
      Manifest manifest =
          new Manifest(snapshotId, Tables.SCHEMA_VERSION, Version.TIFA, spark.version())
              .put("started_at", startedAt.toString())
              .put("finished_at", Instant.now().toString())
              .inputs(
                  options.inputs(),
                  files.stream()
                      .map(f -> new Manifest.InputFileEntry(f.path(), f.bytes()))
                      .toList())
              .put("config", config.effectiveMap())
              .put("config_sha256", config.sha256())
              .put("tables", tableRows)
              .counts(counts, maxRatio)
              .put("normalization", normalization)
              .put(
                  "regions",
                  Map.of(
                      "documents_by_method",
                      byMethod,
                      "documents_by_level",
                      byLevel,
                      "distinct",
                      distinctRegions))
              .put("terms", found.summary(dictionary))
              .put(
                  "near_duplicates",
                  Map.of("absorbed", nearDuplicates, "threshold", config.nearDuplicateThreshold))
              .put("leftovers", writer.leftovers());
      writer.writeText(SnapshotWriter.MANIFEST, manifest.toJson());
      List<Map.Entry<String, Long>> topSlogans = top(writtenTerms, TermDictionary.SLOGAN);
      List<Map.Entry<String, Long>> topTopics = top(writtenTerms, TermDictionary.TOPIC);
      beforeCommit.run();
      Path committed = writer.commit();
      return new Result(
          snapshotId,
          committed,
          counts,
          exceeded,
          tableRows,
          byLevel,
          distinctRegions,
          topSlogans,
          topTopics,
          nearDuplicates);
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", shufflePartitions);
      step(spark, null);
      spark.sqlContext().clearCache();
      jsc.getPersistentRDDs().values().forEach(rdd -> rdd.unpersist(false));
    }
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
   * pass over their texts for the candidates' occurrences and the mined phrases, and the verdicts,
   * drawn on the driver from the collected figures.
   */
  private SlogansFound discoverSlogans(
      SparkSession spark, JavaSparkContext jsc, Dataset<Row> texts, Dataset<Row> unique) {
    SloganRules rules = reference.sloganRules();
    NameScreen names = reference.nameScreen();
    int[] markers = rules.names().namedThingMarkers().codePoints().toArray();
    List<DiscoverSlogans.Quoted> quoted =
        DiscoverSlogans.apply(unique, markers).collectAsList().stream()
            .map(DiscoverSlogans.Quoted::of)
            .toList();
    String[] record = {Columns.INPUT_FILE, Columns.INPUT_LINE};
    MeasureSlogans.Measurer measurer =
        new MeasureSlogans.Measurer(
            quoted.stream().map(DiscoverSlogans.Quoted::key).toList(), reference.phraseMiner());
    Dataset<Row> measured =
        MeasureSlogans.apply(
                texts
                    .filter(col(Columns.REASON).isNull())
                    .select(col(record[0]), col(record[1]), col(Columns.TITLE), col(Columns.BODY)),
                jsc.broadcast(measurer))
            .join(unique.select(col(record[0]), col(record[1]), col(Columns.PROVINCE_CODE)), record)
            .persist(StorageLevel.MEMORY_AND_DISK());
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
      measured.unpersist(false);
    }
  }

  /**
   * The reader's settings from the {@code input} and {@code output} sections of the configuration.
   */
  public static ReadReports.Settings readSettings(TifaConfig config) {
    return new ReadReports.Settings(
        config.maxBodyChars, config.maxLineBytes, config.quarantineRawBytes, config.timeZone);
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
   * duplicates are removed).
   */
  record FirstPassCounts(long read, long accepted, Map<String, Long> normalization) {
    /** All in one aggregation over the marked records of the first pass. */
    static FirstPassCounts of(Dataset<Row> marked) {
      Column accepted = col(Columns.REASON).isNull();
      Row r =
          marked
              .agg(
                  count(lit(1)),
                  count(when(accepted, lit(1))),
                  sum(when(accepted, col(Columns.PINYIN_REMOVED))),
                  sum(when(accepted, col(Columns.LINES_DROPPED))),
                  sum(when(accepted, col(Columns.TRADITIONAL_CONVERTED))),
                  count(when(accepted.and(col(Columns.TRADITIONAL_CONVERTED).gt(0)), lit(1))))
              .first();
      Map<String, Long> normalization = new LinkedHashMap<>();
      normalization.put("pinyin_annotations_removed", r.isNullAt(2) ? 0 : r.getLong(2));
      normalization.put("boilerplate_lines_dropped", r.isNullAt(3) ? 0 : r.getLong(3));
      normalization.put("traditional_characters_converted", r.isNullAt(4) ? 0 : r.getLong(4));
      normalization.put("records_with_traditional_text", r.getLong(5));
      return new FirstPassCounts(r.getLong(0), r.getLong(1), normalization);
    }
  }

  private static Map<String, Long> distinctRegions(Dataset<Row> documents) {
    Row r =
        documents
            .agg(
                countDistinct(col(Columns.PROVINCE_CODE)),
                countDistinct(col(Columns.PREFECTURE_CODE)),
                countDistinct(col(Columns.COUNTY_CODE)))
            .first();
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("provinces", r.getLong(0));
    out.put("prefectures", r.getLong(1));
    out.put("counties", r.getLong(2));
    return out;
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

  /**
   * Partitions for counting terms: about {@value #COUNT_ROWS_PER_TASK} rows of (cell, term) per
   * task, estimated from the term hits (each counted at up to every grain and three region levels),
   * and at least two per core. Fewer made each task's hash map spill and sort gigabytes.
   */
  private int countPartitions(SparkSession spark, long hits) {
    long rows = hits * config.grains.size() * 3;
    long wanted = (rows + COUNT_ROWS_PER_TASK - 1) / COUNT_ROWS_PER_TASK;
    return (int) Math.max(2L * spark.sparkContext().defaultParallelism(), Math.min(10_000, wanted));
  }

  private static final long COUNT_ROWS_PER_TASK = 300_000;

  /** Partitions of the accepted documents: one per 64 MiB of input, at least two per core. */
  private int documentPartitions(SparkSession spark) {
    long bytes = files.stream().mapToLong(InputFile::bytes).sum();
    return (int)
        Math.max(
            2L * spark.sparkContext().defaultParallelism(), Math.min(10_000, bytes / (64L << 20)));
  }

  private int files(long rows) {
    return (int) Math.max(1, Math.min(1000, (rows + config.rowsPerFile - 1) / config.rowsPerFile));
  }

  /** Rows per value of a column; a null value is counted under "none". */
  private static Map<String, Long> countBy(Dataset<Row> table, String column) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : table.groupBy(column).count().collectAsList()) {
      out.put(r.isNullAt(0) ? "none" : r.getString(0), r.getLong(1));
    }
    return out;
  }
}
