package org.tifa.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tifa.extract.SloganEvidence.Reason;
import org.tifa.match.Keys;

/**
 * Names are not formulations: a quoted place or area nickname, organisation, ship, event, league or
 * typhoon, honour, disaster code, statistic or sum of money, or title of a work is screened out
 * before the evidence is weighed, however often it is quoted. Places come from the gazetteer (every
 * full, short and former name) and from the {@code names} section of conf/slogan-rules.yaml, which
 * also lists the suffixes and words of the other kinds.
 */
public final class NameScreen implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Digits joined by a dot or middle dot: the dates by which disasters and cases are named
   * (“7·20”特大暴雨, “1.22”案). The key drops middle dots, so this is tested on the written forms.
   */
  private static final Pattern CODE = Pattern.compile("[0-9０-９]{1,4}[·・•‧.．][0-9０-９]{1,4}");

  /** A serial name: 渤海2号, 齐鲁1号, 神舟十三号. */
  private static final Pattern SERIAL = Pattern.compile(".+[0-9０-９一二三四五六七八九十]号");

  /**
   * A statistic quoted as a record, not a formulation: 四连增, 十一连增, 五连冠, 双下降, 双提升 (two figures both
   * falling or rising).
   */
  private static final Pattern STATISTIC =
      Pattern.compile("[一二两三四五六七八九十百]+连(增|涨|降|冠|胜|升|跳|稳)|双(下降|上升|提升|增长|降低|减少)");

  /** A sum of money written in digits: 两个10亿元, 500万元. */
  private static final Pattern AMOUNT = Pattern.compile(".*[0-9０-９][万亿]?元");

  /** The {@code names} section of conf/slogan-rules.yaml. */
  public record Rules(
      @JsonProperty("named_thing_markers") String namedThingMarkers,
      @JsonProperty("named_thing_preceders") List<String> namedThingPreceders,
      @JsonProperty("named_thing_min_share") Double namedThingMinShare,
      @JsonProperty("places") List<String> places,
      @JsonProperty("organisation_suffixes") List<String> organisationSuffixes,
      @JsonProperty("honour_suffixes") List<String> honourSuffixes,
      @JsonProperty("honours") List<String> honours,
      @JsonProperty("honour_openers") List<String> honourOpeners,
      @JsonProperty("thing_suffixes") List<String> thingSuffixes,
      @JsonProperty("title_openers") List<String> titleOpeners,
      @JsonProperty("title_endings") List<String> titleEndings,
      @JsonProperty("place_suffixes") List<String> placeSuffixes,
      @JsonProperty("league_suffixes") List<String> leagueSuffixes,
      @JsonProperty("league_max_chars") Integer leagueMaxChars)
      implements Serializable {
    /**
     * Whether a quote names a thing: {@code after} is the code point right after its closing
     * quotation mark (-1 at the end of the text), {@code before} the text before its opening one.
     */
    public boolean namesAThing(int after, String before) {
      if (after > 0 && namedThingMarkers.indexOf(after) >= 0) {
        return true;
      }
      for (String word : namedThingPreceders) {
        if (before.endsWith(word)) {
          return true;
        }
      }
      return false;
    }

    public Rules {
      if (namedThingMarkers == null || namedThingMarkers.isEmpty()) {
        throw new IllegalArgumentException(
            "slogan rules: names.named_thing_markers must list at least one character");
      }
      SloganEvidence.share("named_thing_min_share", namedThingMinShare);
      namedThingPreceders =
          List.copyOf(namedThingPreceders == null ? List.of() : namedThingPreceders);
      places = List.copyOf(places == null ? List.of() : places);
      organisationSuffixes =
          List.copyOf(organisationSuffixes == null ? List.of() : organisationSuffixes);
      honourSuffixes = List.copyOf(honourSuffixes == null ? List.of() : honourSuffixes);
      honours = List.copyOf(honours == null ? List.of() : honours);
      honourOpeners = List.copyOf(honourOpeners == null ? List.of() : honourOpeners);
      thingSuffixes = List.copyOf(thingSuffixes == null ? List.of() : thingSuffixes);
      titleOpeners = List.copyOf(titleOpeners == null ? List.of() : titleOpeners);
      titleEndings = List.copyOf(titleEndings == null ? List.of() : titleEndings);
      placeSuffixes = List.copyOf(placeSuffixes == null ? List.of() : placeSuffixes);
      leagueSuffixes = List.copyOf(leagueSuffixes == null ? List.of() : leagueSuffixes);
      if (leagueMaxChars == null) {
        leagueMaxChars = 0;
      } else if (leagueMaxChars < 0 || leagueMaxChars > 24) {
        throw new IllegalArgumentException(
            "slogan rules: names.league_max_chars must be in [0, 24], not " + leagueMaxChars);
      }
    }
  }

  private final Rules rules;
  private final Set<String> places;
  private final Set<String> honours;

  /** A screen of the rules' names and of {@code placeNames} (the gazetteer's forms). */
  public NameScreen(Rules rules, Collection<String> placeNames) {
    this.rules = rules;
    this.places = new HashSet<>();
    for (String name : placeNames) {
      places.add(Keys.canonical(name));
    }
    for (String name : rules.places()) {
      places.add(Keys.canonical(name));
    }
    this.honours = new HashSet<>();
    for (String name : rules.honours()) {
      honours.add(Keys.canonical(name));
    }
  }

  /**
   * The kind of name a candidate is, or empty when it is none.
   *
   * @param key the canonical key
   * @param surfaces forms in which it was written
   * @param namedShare share of its quoted occurrences that name a thing ({@link Rules#namesAThing}:
   *     “未来”号, 台风“摩羯”)
   */
  public Optional<Reason> screen(String key, Collection<String> surfaces, double namedShare) {
    if (places.contains(key) || endsWithAny(key, rules.placeSuffixes())) {
      return Optional.of(Reason.PLACE);
    }
    for (String surface : surfaces) {
      if (CODE.matcher(surface.strip()).matches()) {
        return Optional.of(Reason.CODE);
      }
    }
    if (namedShare >= rules.namedThingMinShare() && namedShare > 0
        || SERIAL.matcher(key).matches()
        || endsWithAny(key, rules.thingSuffixes())
        || key.length() <= rules.leagueMaxChars() && endsWithAny(key, rules.leagueSuffixes())) {
      return Optional.of(Reason.NAMED_THING);
    }
    if (STATISTIC.matcher(key).matches() || AMOUNT.matcher(key).matches()) {
      return Optional.of(Reason.STATISTIC);
    }
    if (endsWithAny(key, rules.organisationSuffixes())) {
      return Optional.of(Reason.ORGANISATION);
    }
    if (honours.contains(key)
        || endsWithAny(key, rules.honourSuffixes())
        || startsWithAny(key, rules.honourOpeners())) {
      return Optional.of(Reason.HONOUR);
    }
    for (String opener : rules.titleOpeners()) {
      if (key.startsWith(opener) && key.length() > opener.length() + 2) {
        return Optional.of(Reason.TITLE_OF_WORK);
      }
    }
    int of = key.indexOf('的');
    if (of > 0 && endsWithAny(key.substring(of + 1), rules.titleEndings())) {
      return Optional.of(Reason.TITLE_OF_WORK);
    }
    return Optional.empty();
  }

  private static boolean startsWithAny(String key, List<String> openers) {
    for (String opener : openers) {
      if (key.startsWith(opener) && key.length() > opener.length()) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(String key, List<String> suffixes) {
    for (String suffix : suffixes) {
      if (key.endsWith(suffix) && key.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }
}
