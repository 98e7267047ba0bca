package org.tifa.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Spark schemas the job writes are exactly the documented ones in schemas/, version included.
 */
class TablesContractTest {

  /** Every table the jobs write: snapshot tables and comparison tables. */
  static Stream<String> tables() {
    return Tables.BY_NAME.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("tables")
  void sparkSchemaMatchesTheDocumentedSchema(String table) throws IOException {
    JsonNode doc;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("tifa/schemas/" + table + ".schema.json")) {
      assertNotNull(in, "schemas/" + table + ".schema.json is packaged");
      doc = new ObjectMapper().readTree(in);
    }
    assertEquals(Tables.SCHEMA_VERSION, doc.get("x-tifa-schema-version").asInt());

    List<String> documented = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = doc.get("properties").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      documented.add(e.getKey() + " " + e.getValue().get("x-spark-type").asText());
    }
    List<String> actual = new ArrayList<>();
    StructType schema = Tables.BY_NAME.get(table);
    for (StructField f : schema.fields()) {
      actual.add(f.name() + " " + f.dataType().simpleString());
    }
    assertEquals(documented, actual);

    List<String> required = new ArrayList<>();
    doc.get("required").forEach(n -> required.add(n.asText()));
    List<String> notNull = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (!f.nullable()) {
        notNull.add(f.name());
      }
    }
    assertEquals(required, notNull, "required columns are the non-nullable ones");
  }

  @org.junit.jupiter.api.Test
  void everyQuarantineReasonIsDocumentedForTheReport() throws IOException {
    JsonNode doc;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("tifa/schemas/report.input.schema.json")) {
      doc = new ObjectMapper().readTree(in);
    }
    List<String> documented = new ArrayList<>();
    // A reason with a field is documented as "bad_type:<field>".
    doc.get("x-tifa-quarantine-reasons")
        .fieldNames()
        .forEachRemaining(name -> documented.add(name.split(":")[0]));
    List<String> reasons = new ArrayList<>();
    for (org.tifa.quarantine.QuarantineReason r : org.tifa.quarantine.QuarantineReason.values()) {
      reasons.add(r.code());
    }
    assertEquals(
        reasons.stream().sorted().toList(),
        documented.stream().filter(reasons::contains).sorted().toList());
  }
}
