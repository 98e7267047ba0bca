package org.tifa.spark;

import java.util.List;

/**
 * Column names for {@code Dataset.join(other, usingColumns)}, which Java can only call with a
 * Scala sequence.
 */
public final class JoinKeys {
  private JoinKeys() {}

  public static scala.collection.immutable.Seq<String> of(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}
