package org.tifa.conf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Reads the YAML files of {@code conf/}, which the build packs into the jar under {@code
 * tifa/conf/}. Unknown fields are errors, so a misspelt key in a hand-edited file fails loudly.
 */
public final class ConfYaml {

  /** Classpath folder holding the packaged copy of {@code conf/}. */
  public static final String RESOURCE_ROOT = "tifa/conf/";

  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  private ConfYaml() {}

  /** Parses {@code yaml} into {@code type}; malformed or unknown content is an {@link IllegalArgumentException}. */
  public static <T> T read(Reader yaml, Class<T> type) {
    try {
      return MAPPER.readValue(yaml, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid " + type.getSimpleName() + " YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies {@code loader} to the packaged {@code tifa/conf/<fileName>}, read as UTF-8. */
  public static <T> T loadResource(String fileName, Function<Reader, T> loader) {
    InputStream in = ConfYaml.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + fileName);
    if (in == null) {
      throw new IllegalStateException("missing classpath resource " + RESOURCE_ROOT + fileName);
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return loader.apply(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
