package org.tifa;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packages in pipeline order, each allowed to use only those before it. {@link #ORDER} is the
 * design: a new package must take its place in it, and a dependency that points the other way fails
 * the build.
 */
class PackageLayersTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tifa");

  /**
   * The packages in order, each with what it holds; a package may use only those above it. The root
   * package ({@code org.tifa}: the commands) comes last and uses any.
   */
  static final List<String> ORDER =
      List.of(
          "error", // the errors a person can cause, with their exit codes
          "schema", // column names, table schemas, dimension values: the output contract
          "spark", // session, logging, lineage plumbing
          "conf", // the conf/ files as packaged
          "match", // canonical keys and dictionary matching
          "quarantine", // reason codes and the quarantine table's rows
          "write", // snapshots: Parquet tables, manifest, atomic commit
          "reference", // settings, gazetteer, lexicon, taxonomy, read from conf/
          // the pipeline's stages, in order
          "ingest",
          "normalize",
          "resolve",
          "extract",
          "analyze", // the per-document pass: normalize, resolve, quote, sign
          "aggregate",
          "compare",
          "report",
          // beside the pipeline
          "generate", // the synthetic benchmark corpus
          "options"); // the commands' options, validated before Spark starts

  static LayeredArchitecture layers() {
    LayeredArchitecture layers =
        layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("org.tifa..")
            .ensureAllClassesAreContainedInArchitecture();
    for (String p : ORDER) {
      layers = layers.layer(p).definedBy("org.tifa." + p);
    }
    layers = layers.layer("commands").definedBy("org.tifa");
    for (int i = 0; i < ORDER.size(); i++) {
      String[] above = ORDER.subList(0, i).toArray(String[]::new);
      layers =
          above.length == 0
              ? layers.whereLayer(ORDER.get(i)).mayNotAccessAnyLayer()
              : layers.whereLayer(ORDER.get(i)).mayOnlyAccessLayers(above);
    }
    return layers.whereLayer("commands").mayNotBeAccessedByAnyLayer();
  }

  @Test
  void dependenciesRunOneWay() {
    layers().check(MAIN);
  }

  @Test
  void theCheckSeesTheRealDependencies() {
    // The same order with extract denied reference: SloganVerdicts judges with SloganLexicon.
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                layers()
                    .whereLayer("extract")
                    .mayOnlyAccessLayers("error", "schema", "spark", "conf", "match")
                    .check(MAIN));
    assertTrue(
        e.getMessage().contains("org.tifa.extract.SloganVerdicts")
            && e.getMessage().contains("org.tifa.reference.SloganLexicon"),
        e.getMessage().substring(0, Math.min(2000, e.getMessage().length())));
  }
}
