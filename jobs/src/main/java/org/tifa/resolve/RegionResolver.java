package org.tifa.resolve;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.tifa.reference.Gazetteer;
import org.tifa.reference.Region;
import org.tifa.reference.RegionLevel;

/**
 * Resolves a record to the division it is about: from its own region fields when they name a known
 * division, otherwise from the place names in its title and body. Built once per gazetteer (one
 * Aho–Corasick trie over every name, alias and old name) and broadcast; {@link #resolve} is pure.
 *
 * <p>Text evidence is weighed by position (title over lead over body), by an institution word right
 * after the name (聊城市政协, 市委), by chains with a parent (山东省聊城市), and is discounted after destination
 * or partner markers (赴, 对接, 与…合作) and inside biographies (简历). Ambiguous forms (鼓楼区, 朝阳) only
 * refine a division whose parent is already supported; unsuffixed ones only right after their
 * parent, and those that are common words (振兴) never. The choice descends from province to
 * prefecture to county while one child clearly leads, except when the title names a province's own
 * body (辽宁省政府工作报告, 广东省委原常委): then the province is the subject.
 *
 * <p>Some names are not subjects at all: a dateline's place (新华社北京3月5日电) and a place inside an
 * enterprise's name (武汉钢铁（集团）公司). A title opening with a central organ or enterprise (中央台湾工作办公室,
 * 国家发展改革委) is regional only through an official's post its text names (调离重庆市委书记岗位).
 */
public final class RegionResolver implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int LEAD_CHARS = 200;
  private static final int NOT_A_PLACE = -1;
  private static final int NEAR_CHARS = 20;
  private static final double[] ZONE_WEIGHT = {5.0, 3.0, 1.0};
  private static final int TITLE = 0;
  private static final int LEAD = 1;
  private static final int BODY = 2;
  private static final double DEMOTED = 0.1;
  private static final double IN_BIOGRAPHY = 0.2;
  private static final double BODY_ONLY_MIN_SUPPORT = 3.0;
  private static final double BODY_ONLY_MIN_SHARE = 0.6;
  private static final double POSTS_CONFIDENCE = 0.6;

  /** Core-dictionary frequency from which an ambiguous unsuffixed form counts as a common word. */
  private static final int COMMON_WORD_MIN_FREQUENCY = 5;

  /** Words that make the following place a destination, host, partner or investigating body. */
  private static final String[] DESTINATION_MARKERS = {
    "赴", "到", "前往", "融入", "对接", "借鉴", "学习", "对标", "考察", "走进", "来自", "接受", "指定", "移送", "援助", "支援",
    "帮扶"
  };

  private static final String[] PARTNER_OPENERS = {"与", "同", "和"};
  private static final String[] PARTNER_WORDS = {"合作", "签约", "签署", "协作", "结对", "交流", "共建"};

  /** Institution words that make the preceding place the actor (聊城市政协, 临清市委). */
  private static final String[] INSTITUTION_WORDS = {
    "委", "政府", "人民政府", "人大", "政协", "党", "纪", "监", "法院", "检察", "公安", "人民代表大会", "代表团"
  };

  /** Personal posts after an organ, which make a place the seat of an official (市委书记, 省长). */
  private static final String[] POST_WORDS = {
    "书记", "常委", "主任", "主席", "省长", "市长", "县长", "区长", "旗长", "州长", "盟长"
  };

  /** How far after a place its organ and a post, or an organ's 决定, are looked for. */
  private static final int POST_CHARS = 6;

  /** Level words between a place and its institution (重庆市委, 福建省原省委, 广东省长). */
  private static final String[] LEVEL_WORDS = {"自治区", "省", "市", "区", "县", "旗", "州", "盟"};

  /** Title words of national documents, which need a place in the title to be regional. */
  private static final String[] NATIONAL_MARKERS = {"国务院", "全国", "中共中央", "中华人民共和国", "党中央"};

  /** Title openings naming a central organ or central enterprise (中央台办, 国家发展改革委, 中国华融). */
  private static final String[] CENTRAL_OPENERS = {"中央", "国家", "中国", "中共中央", "国务院"};

  /** Title openings naming the publisher's own province without its name (自治区发展和改革委员会). */
  private static final String[] OWN_PROVINCE_OPENERS = {"自治区", "省"};

  /** Words that make the place before them part of an enterprise's name (武汉钢铁（集团）, 大庆油田…公司). */
  private static final String[] ENTERPRISE_WORDS = {"集团", "公司"};

  /** How far after a place an enterprise word still makes it part of the enterprise's name. */
  private static final int ENTERPRISE_NAME_CHARS = 6;

  /**
   * News agencies and papers whose dateline names the place of filing, not the subject
   * (新华社北京3月5日电).
   */
  private static final String[] DATELINE_SOURCES = {
    "新华社", "新华网", "中新社", "中新网", "人民网", "央视网", "央广网", "本报"
  };

  /** How far back from a place a dateline source is looked for (新华社 记者 北京). */
  private static final int DATELINE_CHARS = 8;

  /**
   * Within this many characters after a place, 人民代表大会 makes it the congress a report is delivered
   * to.
   */
  private static final int CONGRESS_CHARS = 12;

  /** Phrases containing a place form that are not places (共和 in 中华人民共和国). */
  private static final String[] NOT_PLACES = {"中华人民共和国", "人民共和国", "共和国", "孙中山", "中山装", "北京时间"};

  private static final String CLAUSE_BREAKS = "，。；！？、：\n（）()“”\"";

  private final Gazetteer gazetteer;
  private final AhoCorasickDoubleArrayTrie<Integer> trie;
  private final Map<String, Integer> indexByText;
  private final Gazetteer.Name[][] formsByIndex;

  public RegionResolver(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    TreeMap<String, Integer> keys = new TreeMap<>();
    List<Gazetteer.Name[]> forms = new ArrayList<>();
    Map<String, List<Gazetteer.Name>> grouped = new TreeMap<>();
    for (Gazetteer.Name n : gazetteer.names()) {
      grouped.computeIfAbsent(n.text(), k -> new ArrayList<>()).add(n);
    }
    grouped.forEach(
        (text, names) -> {
          if (isWordForm(text, names)) {
            keys.put(text, NOT_A_PLACE);
          } else {
            keys.put(text, forms.size());
            forms.add(names.toArray(Gazetteer.Name[]::new));
          }
        });
    for (String phrase : NOT_PLACES) {
      keys.put(phrase, NOT_A_PLACE);
    }
    this.indexByText = new HashMap<>(keys);
    this.formsByIndex = forms.toArray(Gazetteer.Name[][]::new);
    this.trie = new AhoCorasickDoubleArrayTrie<>();
    trie.build(keys);
  }

  /**
   * The region of one record. The text is always read, so that {@link
   * RegionResolution#textRegionCode} shows it beside the given fields. A text inside the given
   * region narrows it when its title names the narrower division; where the two name regions
   * neither of which contains the other, a text whose title names its region inside the given
   * province wins (a notice published by one city about an official of another), otherwise the
   * given fields win: a given province is the publisher's and outweighs a text about another
   * province.
   */
  /**
   * Whether a form is an ordinary word rather than a place: an ambiguous form without its level
   * suffix (振兴, not 振兴区) that HanLP's core dictionary knows mostly as a common word (振兴发展, 东北全面振兴).
   * Such a form never names a place, not even after its parent (辽宁振兴发展).
   */
  static boolean isWordForm(String text, List<Gazetteer.Name> names) {
    if (hasLevelSuffix(text) || names.stream().anyMatch(n -> !n.ambiguous())) {
      return false;
    }
    CoreDictionary.Attribute entry = CoreDictionary.get(text);
    if (entry == null) {
      return false;
    }
    int place = 0;
    int word = 0;
    for (int i = 0; i < entry.nature.length; i++) {
      if (entry.nature[i].startsWith("ns")) {
        place += entry.frequency[i];
      } else {
        word += entry.frequency[i];
      }
    }
    return word >= COMMON_WORD_MIN_FREQUENCY && word > place;
  }

  public RegionResolution resolve(
      String regionCode, String province, String city, String county, String title, String body) {
    List<String> unmatched = new ArrayList<>();
    Optional<Region> given = resolveGiven(regionCode, province, city, county, unmatched);
    String unmatchedText = unmatched.isEmpty() ? null : String.join("; ", unmatched);
    TextReading reading =
        resolveText(title == null ? "" : title, body == null ? "" : body, unmatchedText);
    RegionResolution fromText = reading.resolution();
    if (given.isEmpty()) {
      return fromText;
    }
    Region g = given.get();
    RegionResolution fromGiven =
        RegionResolution.of(g, RegionResolution.GIVEN, 1.0, new String[0], unmatchedText);
    Region t = reading.region();
    if (t == null || g.contains(t) || t.contains(g)) {
      boolean inside = t != null && g.contains(t) && !t.equals(g);
      if (inside && !unmatched.isEmpty()) {
        // Part of what was given names nothing (city 光明市 under a real province): the text may
        // still say where inside the given region the report is from.
        return fromText.withBasis(t.code(), RegionResolution.TEXT_WITHIN_GIVEN);
      }
      if (inside && reading.titleNamesInside(g)) {
        // A provincial publisher's notice whose title names the city or county it is about.
        return fromText.withBasis(t.code(), RegionResolution.TEXT_WITHIN_GIVEN_TITLED);
      }
      return fromGiven.withBasis(fromText.code(), RegionResolution.GIVEN);
    }
    if (!t.provinceCode().equals(g.provinceCode())) {
      return fromGiven.withBasis(t.code(), RegionResolution.GIVEN_OVER_TEXT_OTHER_PROVINCE);
    }
    return reading.titleNamesOutside(g)
        ? fromText.withBasis(t.code(), RegionResolution.TEXT_OVER_GIVEN_TITLED)
        : fromGiven.withBasis(t.code(), RegionResolution.GIVEN_OVER_TEXT_UNTITLED);
  }

  private Optional<Region> resolveGiven(
      String regionCode, String province, String city, String county, List<String> unmatched) {
    if (!isBlank(regionCode)) {
      Optional<Region> byCode = gazetteer.byCode(regionCode.trim());
      if (byCode.isPresent()) {
        return byCode;
      }
      unmatched.add("region_code=" + regionCode.trim());
    }
    Region p = null;
    Region c = null;
    Region k = null;
    if (!isBlank(province)) {
      p = unique(givenCandidates(province, r -> r.level() == RegionLevel.PROVINCE));
      if (p == null) {
        unmatched.add("province=" + province.trim());
      }
    }
    Region pp = p;
    if (!isBlank(city)) {
      c =
          unique(
              givenCandidates(
                  city,
                  r -> r.code().equals(r.prefectureCode()) && (pp == null || pp.contains(r))));
      if (c == null) {
        unmatched.add("city=" + city.trim());
      }
    }
    Region within = c != null ? c : p;
    if (!isBlank(county)) {
      k =
          unique(
              givenCandidates(
                  county,
                  r -> r.level() == RegionLevel.COUNTY && (within == null || within.contains(r))));
      if (k == null) {
        unmatched.add("county=" + county.trim());
      }
    }
    return Optional.ofNullable(k != null ? k : c != null ? c : p);
  }

  /**
   * Regions named by a given field, read as written, then in Simplified script, then unsuffixed.
   */
  private List<Region> givenCandidates(String value, Predicate<Region> filter) {
    String raw = value.strip().replaceAll("\\s+", "");
    Set<String> tries = new LinkedHashSet<>();
    tries.add(raw);
    tries.add(HanLP.convertToSimplifiedChinese(raw));
    for (String t : List.copyOf(tries)) {
      if (t.length() > 2 && (t.endsWith("省") || t.endsWith("市"))) {
        tries.add(t.substring(0, t.length() - 1));
      }
    }
    for (String t : tries) {
      List<Region> found =
          gazetteer.lookup(t).stream()
              .map(n -> gazetteer.byCode(n.code()).orElseThrow())
              .filter(filter)
              .distinct()
              .toList();
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static Region unique(List<Region> regions) {
    return regions.size() == 1 ? regions.get(0) : null;
  }

  /** One place name found in the text, with the division it was read as (null while ambiguous). */
  private static final class Mention {
    final int begin;
    final int end;
    final String text;
    final Gazetteer.Name[] forms;
    int zone;
    Region region;
    double weight;
    int chainBegin;
    boolean organ;
    boolean post;

    Mention(int begin, int end, String text, Gazetteer.Name[] forms, int zone) {
      this.begin = begin;
      this.end = end;
      this.text = text;
      this.forms = forms;
      this.zone = zone;
    }
  }

  /**
   * What the title and body alone say: the resolution, its region (null for none) and the divisions
   * named in the title that were not demoted (destinations, partners).
   */
  private record TextReading(RegionResolution resolution, Region region, List<Region> titled) {
    static TextReading none(String unmatched) {
      return new TextReading(RegionResolution.none(unmatched), null, List.of());
    }

    /**
     * Whether the title names the reading's region, or a division on its line, outside {@code
     * given}.
     */
    boolean titleNamesOutside(Region given) {
      return titled.stream().anyMatch(r -> !given.contains(r) && onLine(r));
    }

    /**
     * Whether the title names the reading's region, or a division on its line, strictly inside
     * {@code given}.
     */
    boolean titleNamesInside(Region given) {
      return titled.stream().anyMatch(r -> given.contains(r) && !given.equals(r) && onLine(r));
    }

    private boolean onLine(Region r) {
      return region.contains(r) || r.contains(region);
    }
  }

  private TextReading resolveText(String title, String body, String unmatched) {
    String text = title + "\n" + body;
    int leadEnd = title.length() + 1 + Math.min(LEAD_CHARS, body.length());
    int biography = body.indexOf("简历");
    int biographyStart = biography < 0 ? Integer.MAX_VALUE : title.length() + 1 + biography;

    List<Mention> mentions = findMentions(text, title.length(), leadEnd);
    Map<String, Double> support = new HashMap<>();
    Map<String, Double> headSupport = new HashMap<>();
    List<Mention> weak = new ArrayList<>();
    Mention previous = null;
    for (Mention m : mentions) {
      Mention chainedTo = previous != null && previous.end == m.begin ? previous : null;
      Region parent = chainedTo == null ? null : chainedTo.region;
      m.region = readMention(m, parent);
      m.organ = namesOrgan(text, m);
      m.post = m.organ && namesPost(text, m.end);
      boolean chained = parent != null && m.region != null && parent.contains(m.region);
      m.chainBegin = chainedTo == null ? m.begin : chainedTo.chainBegin;
      previous = m;
      if (isDateline(text, m.chainBegin) || namesEnterprise(text, m.end)) {
        // The place a report was filed from, or part of an enterprise's name (香港中旅(集团)):
        // not a region the document is about.
        m.region = null;
        m.weight = 0;
        continue;
      }
      if (m.zone == LEAD && namesCongress(text, m.end)) {
        // "在云南省第十四届人民代表大会…上": the congress a report is made to is its heading.
        m.zone = TITLE;
      }
      double w = ZONE_WEIGHT[m.zone];
      if (isDestination(text, m.chainBegin, m.end)) {
        w *= DEMOTED;
      }
      if (m.begin >= biographyStart) {
        // A biography lists past posts: never head evidence, even inside the lead.
        w *= IN_BIOGRAPHY;
        m.zone = BODY;
      }
      if (m.organ || chained) {
        w *= 2;
      }
      m.weight = w;
      if (m.region != null) {
        add(support, headSupport, m.region, w, m.zone);
      } else if (hasLevelSuffix(m.text)) {
        // An unsuffixed ambiguous form (临清, 永福) counts only chained to its parent (聊城临清,
        // read above): elsewhere it is often a word, a part of one, or a person's name.
        weak.add(m);
      }
    }
    for (Mention m : weak) {
      List<Region> near = nearbyAncestors(text, mentions, m);
      List<Region> inNamedParent =
          candidates(m).stream().filter(r -> near.stream().anyMatch(a -> a.contains(r))).toList();
      if (inNamedParent.size() == 1) {
        m.region = inNamedParent.get(0);
        add(support, headSupport, m.region, m.weight, m.zone);
      }
    }
    List<Mention> titleNames =
        mentions.stream()
            .filter(m -> m.region != null && m.zone == TITLE && m.weight >= ZONE_WEIGHT[TITLE])
            .toList();
    // A place acts in the title when an institution follows it or it follows its parent (重庆市政府,
    // 山东省聊城市).
    boolean titleNamesActor = titleNames.stream().anyMatch(m -> m.organ || m.chainBegin < m.begin);
    if (!titleNamesActor
        && (containsAny(title, NATIONAL_MARKERS) || startsWithAny(title, 0, CENTRAL_OPENERS))) {
      // A central organ's or enterprise's notice: regional only through a post its body names
      // (调离重庆市委书记岗位), never through a place named in passing.
      return postsReading(mentions, unmatched);
    }
    if (support.isEmpty()) {
      return TextReading.none(unmatched);
    }

    Map<String, Double> rolled = rollUp(support);
    Map<String, Double> rolledHead = rollUp(headSupport);

    List<Region> provinces = childrenOf(null, rolled);
    double total = provinces.stream().mapToDouble(r -> rolled.get(r.code())).sum();
    Region chosen = pick(provinces, rolled, rolledHead);
    if (chosen == null) {
      return TextReading.none(unmatched);
    }
    double provinceShare = rolled.get(chosen.code()) / total;
    boolean fromHead = rolledHead.getOrDefault(chosen.code(), 0.0) > 0;
    if (!fromHead
        && (rolled.get(chosen.code()) < BODY_ONLY_MIN_SUPPORT
            || provinceShare < BODY_ONLY_MIN_SHARE)) {
      return TextReading.none(unmatched);
    }
    Region provincialBody = provincialBody(title, titleNames, mentions);
    boolean provinceOnly =
        provincialBody != null
            ? provincialBody.equals(chosen)
            : startsWithAny(title, 0, OWN_PROVINCE_OPENERS);
    while (!provinceOnly) {
      Region next = descend(chosen, rolled, rolledHead);
      if (next == null) {
        break;
      }
      chosen = next;
    }
    double confidence = Math.min(1.0, (fromHead ? 0.6 : 0.3) + 0.4 * provinceShare);
    Region result = chosen;
    String[] evidence =
        mentions.stream()
            .filter(m -> m.region != null && m.region.contains(result) && m.weight >= 1.0)
            .map(m -> m.text)
            .distinct()
            .toArray(String[]::new);
    return new TextReading(
        RegionResolution.of(result, RegionResolution.TEXT, confidence, evidence, unmatched),
        result,
        titleNames.stream().map(m -> m.region).toList());
  }

  /**
   * The province whose own body the title names (2026年辽宁省政府工作报告, 广东省委原常委、珠海市委原书记): a province by
   * its full name or with an institution, not followed by a division inside it. Such a document is
   * about the province, whatever cities its body names; but an organ that decides (内蒙古自治区党委决定给予…)
   * is the sender, not the subject. Null when none is.
   */
  private static Region provincialBody(
      String title, List<Mention> titleNames, List<Mention> mentions) {
    for (Mention m : titleNames) {
      boolean decides = m.organ && namesDecision(title, m.end);
      if (m.region.level() != RegionLevel.PROVINCE
          || decides
          || !(m.organ || m.text.equals(m.region.name()))) {
        continue;
      }
      boolean narrowed =
          mentions.stream()
              .anyMatch(n -> n.begin == m.end && n.region != null && m.region.contains(n.region));
      if (!narrowed) {
        return m.region;
      }
    }
    return null;
  }

  /**
   * The region of the posts a central notice names (重庆市委书记, not 香港特别行政区政府), outside biographies and
   * destinations: their common division when they lie in one province, otherwise none.
   */
  private TextReading postsReading(List<Mention> mentions, String unmatched) {
    List<Mention> posts =
        mentions.stream().filter(m -> m.post && m.region != null && m.weight >= 1.0).toList();
    if (posts.isEmpty()) {
      return TextReading.none(unmatched);
    }
    Region common = posts.get(0).region;
    for (Mention m : posts) {
      while (common != null && !common.contains(m.region)) {
        common =
            common.parentCode() == null ? null : gazetteer.byCode(common.parentCode()).orElse(null);
      }
    }
    if (common == null) {
      return TextReading.none(unmatched);
    }
    Region result = common;
    String[] evidence = posts.stream().map(m -> m.text).distinct().toArray(String[]::new);
    return new TextReading(
        RegionResolution.of(result, RegionResolution.TEXT, POSTS_CONFIDENCE, evidence, unmatched),
        result,
        List.of());
  }

  /** Whether an institution or post follows the place, after 原 and a level word (福建省原省委, 重庆市委). */
  private static boolean namesOrgan(String text, Mention m) {
    int at = text.startsWith("原", m.end) ? m.end + 1 : m.end;
    boolean level = hasLevelSuffix(m.text);
    for (String word : LEVEL_WORDS) {
      if (text.startsWith(word, at)) {
        at += word.length();
        level = true;
        break;
      }
    }
    return startsWithAny(text, at, INSTITUTION_WORDS) || (level && text.startsWith("长", at));
  }

  /** Whether a personal post follows the organ after the place (重庆市委书记, 广东省长). */
  private static boolean namesPost(String text, int end) {
    int to = Math.min(text.length(), end + POST_CHARS);
    for (int i = end; i < to; i++) {
      if (CLAUSE_BREAKS.indexOf(text.charAt(i)) >= 0) {
        return false;
      }
      if (startsWithAny(text, i, POST_WORDS)) {
        return true;
      }
    }
    return false;
  }

  /** Whether 决定 follows the organ named at {@code end} in the title (…党委决定给予). */
  private static boolean namesDecision(String title, int end) {
    int at = title.indexOf("决定", end);
    return at >= 0 && at - end <= POST_CHARS;
  }

  private static boolean hasLevelSuffix(String name) {
    return endsWithAny(name, LEVEL_WORDS);
  }

  /** Whether an enterprise word closely follows the place, which is then part of its name. */
  private static boolean namesEnterprise(String text, int end) {
    int to = Math.min(text.length() - 1, end + ENTERPRISE_NAME_CHARS);
    for (int i = end; i <= to; i++) {
      if ("，。、；\n".indexOf(text.charAt(i)) >= 0) {
        return false;
      }
      if (startsWithAny(text, i, ENTERPRISE_WORDS)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a news source's dateline ends just before the place (新华社北京3月5日电, 新华网 北京). */
  private static boolean isDateline(String text, int begin) {
    String before = text.substring(Math.max(0, begin - DATELINE_CHARS), begin).strip();
    int line = before.lastIndexOf('\n');
    return endsWithAny(line < 0 ? before : before.substring(line + 1), DATELINE_SOURCES);
  }

  /** Whether the place is that of a people's congress ("云南省第十四届人民代表大会"). */
  private static boolean namesCongress(String text, int end) {
    if (!text.startsWith("第", end)) {
      return false;
    }
    int to = Math.min(text.length(), end + CONGRESS_CHARS);
    for (int i = end; i < to; i++) {
      if (text.startsWith("人民代表大会", i)) {
        return true;
      }
    }
    return false;
  }

  /** Leftmost-longest, non-overlapping matches; 市场 / 区域 after a name fall back to its stem. */
  private List<Mention> findMentions(String text, int titleEnd, int leadEnd) {
    List<AhoCorasickDoubleArrayTrie.Hit<Integer>> hits = new ArrayList<>(trie.parseText(text));
    hits.sort(
        Comparator.<AhoCorasickDoubleArrayTrie.Hit<Integer>>comparingInt(h -> h.begin)
            .thenComparingInt(h -> -(h.end - h.begin)));
    List<Mention> out = new ArrayList<>();
    int covered = 0;
    for (AhoCorasickDoubleArrayTrie.Hit<Integer> h : hits) {
      if (h.begin < covered) {
        continue;
      }
      if (h.value == NOT_A_PLACE) {
        covered = h.end;
        continue;
      }
      String found = text.substring(h.begin, h.end);
      int end = h.end;
      Integer index = h.value;
      if (end < text.length() && endsAsCommonWord(found, text.charAt(end))) {
        found = found.substring(0, found.length() - 1);
        end--;
        index = indexByText.get(found);
        if (index == null) {
          continue;
        }
      }
      int zone = h.begin < titleEnd ? TITLE : h.begin < leadEnd ? LEAD : BODY;
      out.add(new Mention(h.begin, end, found, formsByIndex[index], zone));
      covered = h.end;
    }
    return out;
  }

  private static boolean endsAsCommonWord(String name, char next) {
    return (name.endsWith("市") && next == '场') || (name.endsWith("区") && next == '域');
  }

  /** The division a mention stands for on its own or after a chained parent; null if ambiguous. */
  private Region readMention(Mention m, Region chainedParent) {
    if (chainedParent != null) {
      List<Region> under = candidates(m).stream().filter(chainedParent::contains).toList();
      if (under.size() == 1) {
        return under.get(0);
      }
    }
    List<Region> strong = new ArrayList<>();
    for (Gazetteer.Name n : m.forms) {
      if (!n.ambiguous()) {
        gazetteer.byCode(n.code()).filter(r -> !strong.contains(r)).ifPresent(strong::add);
      }
    }
    return strong.size() == 1 ? strong.get(0) : null;
  }

  private List<Region> candidates(Mention m) {
    List<Region> out = new ArrayList<>();
    for (Gazetteer.Name n : m.forms) {
      gazetteer.byCode(n.code()).filter(r -> !out.contains(r)).ifPresent(out::add);
    }
    return out;
  }

  /** A destination marker or a 与…合作 partner frame in the clause around the mention. */
  private static boolean isDestination(String text, int begin, int end) {
    int from = begin;
    while (from > 0 && begin - from < 10 && CLAUSE_BREAKS.indexOf(text.charAt(from - 1)) < 0) {
      from--;
    }
    String before = text.substring(from, begin);
    if (containsAny(before, DESTINATION_MARKERS)) {
      return true;
    }
    if (!endsWithAny(before, PARTNER_OPENERS)) {
      return false;
    }
    int to = end;
    while (to < text.length() && to - end < 15 && CLAUSE_BREAKS.indexOf(text.charAt(to)) < 0) {
      to++;
    }
    return containsAny(text.substring(end, to), PARTNER_WORDS);
  }

  /**
   * Divisions named shortly before {@code m} in the same sentence: the only context in which an
   * ambiguous form is read (福州市…鼓楼区, not 党和政府 as 和政县 in a report on 甘肃).
   */
  private static List<Region> nearbyAncestors(String text, List<Mention> mentions, Mention m) {
    List<Region> out = new ArrayList<>();
    for (Mention p : mentions) {
      if (p.region == null || p.end > m.begin || m.begin - p.end > NEAR_CHARS) {
        continue;
      }
      String between = text.substring(p.end, m.begin);
      if (between.indexOf('。') < 0 && between.indexOf('\n') < 0) {
        out.add(p.region);
      }
    }
    return out;
  }

  private static void add(
      Map<String, Double> support, Map<String, Double> head, Region r, double w, int zone) {
    support.merge(r.code(), w, Double::sum);
    if (zone == TITLE || zone == LEAD) {
      head.merge(r.code(), w, Double::sum);
    }
  }

  /** Support of each division together with everything inside it. */
  private Map<String, Double> rollUp(Map<String, Double> support) {
    Map<String, Double> rolled = new HashMap<>();
    support.forEach(
        (code, w) -> {
          Region r = gazetteer.byCode(code).orElseThrow();
          Set<String> chain = new LinkedHashSet<>();
          chain.add(r.code());
          if (r.prefectureCode() != null) {
            chain.add(r.prefectureCode());
          }
          chain.add(r.provinceCode());
          chain.forEach(c -> rolled.merge(c, w, Double::sum));
        });
    return rolled;
  }

  /** The supported divisions one step below {@code parent} (provinces when null). */
  private List<Region> childrenOf(Region parent, Map<String, Double> rolled) {
    List<Region> out = new ArrayList<>();
    for (String code : rolled.keySet()) {
      Region r = gazetteer.byCode(code).orElseThrow();
      boolean child =
          parent == null
              ? r.level() == RegionLevel.PROVINCE
              : !r.code().equals(parent.code())
                  && parent.code().equals(r.parentCode())
                  && parent.contains(r);
      if (child) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(Region::code));
    return out;
  }

  /** The leader by title-and-lead support, then by overall support; null on a tie. */
  private static Region pick(
      List<Region> regions, Map<String, Double> rolled, Map<String, Double> head) {
    Comparator<Region> order =
        Comparator.<Region>comparingDouble(r -> head.getOrDefault(r.code(), 0.0))
            .thenComparingDouble(r -> rolled.get(r.code()));
    List<Region> sorted = new ArrayList<>(regions);
    sorted.sort(order.reversed());
    if (sorted.isEmpty()) {
      return null;
    }
    if (sorted.size() > 1 && order.compare(sorted.get(0), sorted.get(1)) == 0) {
      return null;
    }
    return sorted.get(0);
  }

  /**
   * The child to narrow to: the one leading in title and lead, or, when none is named there, one
   * that carries most of the parent's support in the body.
   */
  private Region descend(Region parent, Map<String, Double> rolled, Map<String, Double> head) {
    List<Region> children = childrenOf(parent, rolled);
    if (children.isEmpty()) {
      return null;
    }
    Region best = pick(children, rolled, head);
    if (best == null) {
      return null;
    }
    double bestHead = head.getOrDefault(best.code(), 0.0);
    if (bestHead > 0) {
      double second =
          children.stream()
              .filter(r -> r != best)
              .mapToDouble(r -> head.getOrDefault(r.code(), 0.0))
              .max()
              .orElse(0.0);
      return bestHead > second ? best : null;
    }
    double bestAll = rolled.get(best.code());
    double secondAll =
        children.stream()
            .filter(r -> r != best)
            .mapToDouble(r -> rolled.get(r.code()))
            .max()
            .orElse(0.0);
    boolean dominant =
        bestAll >= BODY_ONLY_MIN_SUPPORT
            && bestAll >= 0.5 * rolled.get(parent.code())
            && bestAll >= 2 * secondAll;
    return dominant ? best : null;
  }

  private static boolean startsWithAny(String text, int at, String[] words) {
    for (String w : words) {
      if (text.startsWith(w, at)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(String s, String[] words) {
    for (String w : words) {
      if (s.endsWith(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private boolean isWithin(RegionResolution inner, Region outer) {
    return switch (outer.level()) {
      case PROVINCE -> outer.code().equals(inner.provinceCode());
      case PREFECTURE -> outer.code().equals(inner.prefectureCode());
      case COUNTY -> outer.code().equals(inner.countyCode());
    };
  }
}
