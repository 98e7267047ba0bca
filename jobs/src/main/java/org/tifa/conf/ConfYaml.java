package org.tifa.conf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the YAML files of {@code conf/}, which the build packs into the jar under {@code
 * tifa/conf/}, and a user's settings file. Unknown fields are errors, so a misspelt key in a
 * hand-edited file fails loudly; so is a key given twice in one mapping, which would otherwise
 * silently keep the last. A document longer than {@link #MAX_CODE_POINTS} is refused by the parser,
 * which needs time growing with the square of a long value's length.
 */
public final class ConfYaml {

  /** Classpath folder holding the packaged copy of {@code conf/}. */
  public static final String RESOURCE_ROOT = "tifa/conf/";

  /**
   * Largest YAML document read, in code points (1 Mi): the bundled files are a few dozen kilobytes.
   */
  public static final int MAX_CODE_POINTS = 1 << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper(factory());

  private ConfYaml() {}

  private static YAMLFactory factory() {
    LoaderOptions limits = new LoaderOptions();
    limits.setCodePointLimit(MAX_CODE_POINTS);
    return YAMLFactory.builder()
        .loaderOptions(limits)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /**
   * Parses {@code yaml} into {@code type}; malformed or unknown content is an {@link
   * IllegalArgumentException}.
   */
  public static <T> T read(Reader yaml, Class<T> type) {
    try {
      return MAPPER.readValue(yaml, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "invalid " + type.getSimpleName() + " YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code yaml} into a tree: null for an empty document; malformed content is a {@link
   * JsonProcessingException}.
   */
  public static JsonNode readTree(InputStream yaml) throws IOException {
    return MAPPER.readTree(yaml);
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
