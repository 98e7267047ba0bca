package org.tifa.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Reader;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tifa.conf.ConfYaml;
import org.tifa.match.Keys;

/**
 * Decides whether a quoted span is a slogan (提法): a short formulation naming a policy, campaign,
 * principle or plan, as opposed to quoted speech, a word quoted for emphasis, a number or a name.
 *
 * <p>The tunable part (lengths, punctuation, particles, stop words) lives in {@code
 * conf/slogan-rules.yaml}; the number and Latin rules are fixed here because they are about the
 * shape of text, not about vocabulary. Rules are checked in the order of {@link Rejection}, and the
 * first that fails is reported.
 */
public final class SloganRules implements Serializable {

  private static final long serialVersionUID = 1L;

  /** File name under {@code conf/} (resource {@code tifa/conf/slogan-rules.yaml}). */
  public static final String FILE = "slogan-rules.yaml";

  /** Why a span is not a slogan. */
  public enum Rejection {
    /**
     * Contains a quotation mark: the inner quotation is the formulation, this span is built around
     * it.
     */
    NESTED_QUOTE,
    /**
     * Contains sentence-ending or clause-introducing punctuation, so it is speech or a sentence.
     */
    SENTENCE_PUNCTUATION,
    /** More internal commas than allowed: a list of clauses rather than one formulation. */
    TOO_MANY_COMMAS,
    /** Fewer characters than the minimum once canonicalized; single characters are emphasis. */
    TOO_SHORT,
    /** More characters than the maximum once canonicalized. */
    TOO_LONG,
    /** A web or mail address. */
    URL,
    /** Latin letters only: an English word, acronym or brand, not a Chinese formulation. */
    LATIN_WORD,
    /**
     * A figure rather than a formula: a year 1900–2099, a date or time, a decimal or percentage, a
     * phone-like number, a one- or two-digit number or five digits and more (hotlines such as
     * 12345). Three- and four-digit codes that are not years are kept (“6293”, “1571”).
     */
    NUMBER_OR_DATE,
    /** Ends with a sentence-final particle (吗, 呢, 吧 ...): quoted speech. */
    SPEECH_PARTICLE,
    /** Opens with an interrogative (如何, 怎样 ...): a question put up for discussion. */
    QUESTION,
    /** Opens with a degree adverb (很, 非常 ...): an evaluation quoted for emphasis. */
    EMPHASIS,
    /** Listed in the stop list: a word quoted for emphasis, a figure of speech or a proper name. */
    STOP_WORD
  }

  private static final Pattern URL =
      Pattern.compile("(?i)https?://|www\\.|@|\\.(com|cn|net|org|gov|edu)(/|$)");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'&.\\-]*");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]+([./:\\-][0-9]+)*%?");
  private static final Pattern DATE =
      Pattern.compile(
          "[0-9]{2,4}年([0-9]{1,2}月([0-9]{1,2}[日号])?)?|[0-9]{1,2}月([0-9]{1,2}[日号])?|[0-9]{1,2}[日号]");

  private final int minChars;
  private final int maxChars;
  private final int maxInternalCommas;
  private final String rejectChars;
  private final String finalParticles;
  private final String[] questionOpeners;
  private final String[] emphasisOpeners;
  private final HashSet<String> stopKeys;
  private final SloganEvidence.Rules evidence;
  private final NameScreen.Rules names;
  private final PhraseMiner.Rules mining;

  private SloganRules(Config c) {
    this.evidence = c.evidence();
    this.names = c.names();
    this.mining = c.mining();
    if (c.minChars() == null || c.maxChars() == null || c.maxInternalCommas() == null) {
      throw new IllegalArgumentException(
          "slogan rules need min_chars, max_chars and max_internal_commas");
    }
    if (c.minChars() < 1 || c.maxChars() < c.minChars() || c.maxInternalCommas() < 0) {
      throw new IllegalArgumentException("slogan rules: inconsistent lengths or comma limit");
    }
    this.minChars = c.minChars();
    this.maxChars = c.maxChars();
    this.maxInternalCommas = c.maxInternalCommas();
    this.rejectChars = c.rejectChars() == null ? "" : c.rejectChars();
    this.finalParticles = c.finalParticles() == null ? "" : c.finalParticles();
    this.questionOpeners = toArray(c.questionOpeners());
    this.emphasisOpeners = toArray(c.emphasisOpeners());
    this.stopKeys = new HashSet<>();
    for (String word : c.stopWords() == null ? List.<String>of() : c.stopWords()) {
      String key = Keys.canonical(word);
      int length = key.codePointCount(0, key.length());
      if (length < minChars || length > maxChars) {
        throw new IllegalArgumentException(
            "stop word '" + word + "' is already outside the length limits");
      }
      if (!stopKeys.add(key)) {
        throw new IllegalArgumentException("stop word '" + word + "' is listed twice");
      }
    }
  }

  private record Config(
      @JsonProperty("min_chars") Integer minChars,
      @JsonProperty("max_chars") Integer maxChars,
      @JsonProperty("max_internal_commas") Integer maxInternalCommas,
      @JsonProperty("reject_chars") String rejectChars,
      @JsonProperty("final_particles") String finalParticles,
      @JsonProperty("question_openers") List<String> questionOpeners,
      @JsonProperty("emphasis_openers") List<String> emphasisOpeners,
      @JsonProperty("stop_words") List<String> stopWords,
      @JsonProperty("evidence") SloganEvidence.Rules evidence,
      @JsonProperty("names") NameScreen.Rules names,
      @JsonProperty("mining") PhraseMiner.Rules mining) {}

  /** The rules packaged as {@code tifa/conf/slogan-rules.yaml}. */
  public static SloganRules loadDefault() {
    return ConfYaml.loadResource(FILE, SloganRules::load);
  }

  /** Rules from a YAML document in the format of {@code conf/slogan-rules.yaml}. */
  public static SloganRules load(Reader yaml) {
    return new SloganRules(ConfYaml.read(yaml, Config.class));
  }

  /** The {@code evidence} section: when a quoted candidate is counted. */
  public SloganEvidence.Rules evidence() {
    return required(evidence, "evidence");
  }

  /** The {@code names} section: which candidates are names. */
  public NameScreen.Rules names() {
    return required(names, "names");
  }

  /** The {@code mining} section: which unquoted repeated phrases are formulations. */
  public PhraseMiner.Rules mining() {
    return required(mining, "mining");
  }

  private static <T> T required(T section, String name) {
    if (section == null) {
      throw new IllegalStateException("slogan rules without the section '" + name + "'");
    }
    return section;
  }

  /** True when {@code surface}, the text between the quotation marks, passes every rule. */
  public boolean isSlogan(String surface) {
    return rejection(surface).isEmpty();
  }

  /** The first rule {@code surface} fails, or empty when it is a slogan. */
  public Optional<Rejection> rejection(String surface) {
    if (containsAny(surface, Keys.QUOTE_MARKS)) {
      return Optional.of(Rejection.NESTED_QUOTE);
    }
    if (containsAny(surface, rejectChars)) {
      return Optional.of(Rejection.SENTENCE_PUNCTUATION);
    }
    if (internalCommas(surface) > maxInternalCommas) {
      return Optional.of(Rejection.TOO_MANY_COMMAS);
    }
    String key = Keys.canonical(surface);
    int length = key.codePointCount(0, key.length());
    if (length < minChars) {
      return Optional.of(Rejection.TOO_SHORT);
    }
    if (length > maxChars) {
      return Optional.of(Rejection.TOO_LONG);
    }
    if (URL.matcher(key).find()) {
      return Optional.of(Rejection.URL);
    }
    if (LATIN_WORD.matcher(key).matches()) {
      return Optional.of(Rejection.LATIN_WORD);
    }
    if (isFigure(key)) {
      return Optional.of(Rejection.NUMBER_OR_DATE);
    }
    if (finalParticles.indexOf(key.codePointBefore(key.length())) >= 0) {
      return Optional.of(Rejection.SPEECH_PARTICLE);
    }
    if (startsWithAny(key, questionOpeners)) {
      return Optional.of(Rejection.QUESTION);
    }
    if (startsWithAny(key, emphasisOpeners)) {
      return Optional.of(Rejection.EMPHASIS);
    }
    if (stopKeys.contains(key)) {
      return Optional.of(Rejection.STOP_WORD);
    }
    return Optional.empty();
  }

  private static boolean isFigure(String key) {
    if (DIGITS.matcher(key).matches()) {
      int n = key.length();
      if (n <= 2 || n >= 5) {
        return true;
      }
      int value = Integer.parseInt(key);
      return n == 4 && value >= 1900 && value <= 2099;
    }
    return NUMERIC.matcher(key).matches() || DATE.matcher(key).matches();
  }

  private static int internalCommas(String surface) {
    String s = surface.strip();
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '，' || s.charAt(end - 1) == ',')) {
      end--;
    }
    int count = 0;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '，' || c == ',') {
        count++;
      }
    }
    return count;
  }

  private static String[] toArray(List<String> list) {
    return list == null ? new String[0] : list.toArray(new String[0]);
  }

  private static boolean startsWithAny(String key, String[] prefixes) {
    for (String prefix : prefixes) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
