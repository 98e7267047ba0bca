package org.tifa.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tifa.reference.Gazetteer;
import org.tifa.reference.Region;
import org.tifa.reference.RegionLevel;
import org.tifa.reference.SloganLexicon;
import org.tifa.reference.Taxonomy;

/**
 * A deterministic synthetic corpus in the input format, shaped like real input for benchmarks:
 * bodies of 300 to 8,000 characters with a long tail, prefectures drawn with a Zipf-like skew,
 * dates over 2021–2024, quoted lexicon slogans and invented local ones, topic keywords, 10%
 * Traditional text with pinyin annotations, 5% exact and near copies of earlier records and 0.5%
 * broken lines. Record {@code i} depends only on the seed and {@code i}, so any split of the corpus
 * into files yields the same records.
 */
public final class CorpusGenerator {
  private static final JsonFactory JSON = new JsonFactory();
  private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
  private static final int DAYS = 4 * 365;

  private static final String[] OPENERS = {
    "近日，%s召开%s推进会，研究部署下一阶段重点工作。",
    "%s政协围绕%s开展专题协商，委员们积极建言献策。",
    "%s委常委会召开会议，传达学习上级精神，研究%s工作。",
    "日前，%s人民政府印发实施方案，全面推进%s。",
    "%s组织开展%s集中调研活动，深入基层了解实际情况。",
  };

  /** Sentences that quote a slogan (first %s) and name a topic keyword (second %s). */
  private static final String[] QUOTING = {
    "会议强调，要坚持以“%s”为引领，推动%s各项工作落地见效。", "要深入开展“%s”活动，把%s作为重要抓手。", "要以“%s”为主线，统筹推进%s和高质量发展。",
  };

  /** Sentences that name one term (a topic keyword, now and then a slogan) without quoting it. */
  private static final String[] NAMING = {
    "各级各部门要围绕%s，聚焦群众急难愁盼问题，拿出更多务实举措。",
    "今年以来，全市上下扎实推进%s，取得了阶段性成效。",
    "委员们建议，进一步完善%s工作机制，形成工作合力。",
    "下一步，将持续深化%s，确保各项任务按期完成。",
    "会上，与会同志围绕%s进行了深入交流讨论。",
  };

  /** Sentences with figures only. */
  private static final String[] FIGURES = {
    "据了解，该项目总投资%d亿元，预计年内建成投用。",
    "截至目前，已累计开展调研%d次，形成调研报告%d篇。",
    "会议听取了有关情况汇报，审议了相关文件。",
    "与会人员结合工作实际，逐一作了发言。",
  };

  private static final String[] LOCAL_HEADS = {
    "攻坚", "提升", "突破", "奋进", "赶超", "争先", "品质", "效能", "创新", "服务"
  };
  private static final String[] LOCAL_TAILS = {"年", "行动", "工程", "计划", "攻坚战", "大会战"};
  private static final String[] SOURCES = {
    "人民政协网", "大众日报", "浙江日报", "四川在线", "齐鲁网", "新华网", "人民网", "南方日报"
  };
  private static final String[] FOOTERS = {
    "责任编辑：王明", "想爆料?请登录本网客户端", "扫描二维码关注我们", "(记者 李华 通讯员 张强)"
  };

  private final long seed;
  private final Region[] prefectures;
  private final double[] cumulativeWeight;
  private final String[] slogans;
  private final String[] keywords;

  public CorpusGenerator(long seed, Gazetteer gazetteer, SloganLexicon lexicon, Taxonomy taxonomy) {
    this.seed = seed;
    List<Region> cities = new ArrayList<>();
    for (Region r : gazetteer.all()) {
      if (r.level() == RegionLevel.PREFECTURE) {
        cities.add(r);
      }
    }
    this.prefectures = cities.toArray(Region[]::new);
    this.cumulativeWeight = new double[prefectures.length];
    double total = 0;
    for (int i = 0; i < prefectures.length; i++) {
      total += 1.0 / Math.pow(i + 1, 0.8);
      cumulativeWeight[i] = total;
    }
    for (int i = 0; i < prefectures.length; i++) {
      cumulativeWeight[i] /= total;
    }
    List<String> terms = new ArrayList<>();
    for (SloganLexicon.Entry e : lexicon.entries()) {
      terms.add(e.term());
    }
    this.slogans = terms.toArray(String[]::new);
    List<String> words = new ArrayList<>();
    for (Taxonomy.Topic t : taxonomy.topics()) {
      words.addAll(List.of(t.keywords()));
    }
    this.keywords = words.toArray(String[]::new);
  }

  /**
   * Record {@code i} as one line of JSON (without the newline); broken records are not valid JSON.
   */
  public String record(long i) {
    SplittableRandom r = random(i);
    double fate = r.nextDouble();
    if (fate < 0.005) {
      String whole = fresh(i, random(i ^ 0x5DEECE66DL));
      return whole.substring(0, 1 + r.nextInt(whole.length() / 2));
    }
    if (fate < 0.055 && i > 0) {
      long original = r.nextLong(Math.max(1, Math.min(i, 5000))) + Math.max(0, i - 5000);
      String copy = fresh(original, random(original ^ 0x5DEECE66DL));
      String id = "\"id\":\"g" + original + "\"";
      String replaced = copy.replace(id, "\"id\":\"g" + i + "\"");
      if (fate < 0.03) {
        return replaced;
      }
      return replaced.replace(
          "\",\"published_at\"",
          "\\n" + FOOTERS[r.nextInt(FOOTERS.length)] + "\",\"published_at\"");
    }
    return fresh(i, random(i ^ 0x5DEECE66DL));
  }

  private SplittableRandom random(long i) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
  }

  private String fresh(long i, SplittableRandom r) {
    Region city = prefectures[pick(r.nextDouble())];
    String place = r.nextInt(3) == 0 ? city.provinceName() + city.name() : city.name();
    String topic = keywords[r.nextInt(keywords.length)];
    String title = String.format(OPENERS[r.nextInt(OPENERS.length)], place, topic);
    title = title.substring(0, Math.min(title.length(), 28));
    int target = length(r);
    StringBuilder body = new StringBuilder(target + 200);
    body.append(String.format(OPENERS[r.nextInt(OPENERS.length)], place, topic)).append('\n');
    while (body.length() < target) {
      // Shares chosen to match the real documents in ../shared/data/real: about 1.5 quoted
      // formulations per 1,000 characters, and a topic keyword in about a third of the sentences.
      double kind = r.nextDouble();
      String filled;
      if (kind < 0.05) {
        filled =
            String.format(
                QUOTING[r.nextInt(QUOTING.length)],
                slogan(r),
                keywords[r.nextInt(keywords.length)]);
      } else if (kind < 0.10) {
        filled = String.format(NAMING[r.nextInt(NAMING.length)], slogan(r));
      } else if (kind < 0.40) {
        filled =
            String.format(NAMING[r.nextInt(NAMING.length)], keywords[r.nextInt(keywords.length)]);
      } else {
        filled =
            String.format(
                FIGURES[r.nextInt(FIGURES.length)], 1 + r.nextInt(500), 1 + r.nextInt(90));
      }
      body.append(filled);
      if (r.nextInt(4) == 0) {
        body.append('\n');
      }
    }
    String text = body.toString();
    if (r.nextInt(10) == 0) {
      title = HanLP.convertToTraditionalChinese(title);
      text = annotate(HanLP.convertToTraditionalChinese(text), r);
    }
    LocalDate date = FIRST_DAY.plusDays(r.nextInt(DAYS));
    String publishedAt =
        switch (r.nextInt(3)) {
          case 0 -> date.toString();
          case 1 ->
              date + String.format(" %02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
          default -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        };
    return json(
        i,
        title,
        text,
        publishedAt,
        SOURCES[r.nextInt(SOURCES.length)],
        r.nextInt(5) < 2 ? city.code() : null);
  }

  private String slogan(SplittableRandom r) {
    if (r.nextInt(4) == 0) {
      return LOCAL_HEADS[r.nextInt(LOCAL_HEADS.length)]
          + LOCAL_HEADS[r.nextInt(LOCAL_HEADS.length)]
          + LOCAL_TAILS[r.nextInt(LOCAL_TAILS.length)];
    }
    return slogans[r.nextInt(slogans.length)];
  }

  /** Body length: log-normal around 1,200 characters, clamped to 300..8,000. */
  private static int length(SplittableRandom r) {
    double gaussian =
        Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    return (int) Math.max(300, Math.min(8000, Math.exp(Math.log(1200) + 0.7 * gaussian)));
  }

  private int pick(double u) {
    int lo = 0;
    int hi = cumulativeWeight.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulativeWeight[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Glues the tone-marked pinyin after a few Han characters, as some republished pages do. */
  private static String annotate(String text, SplittableRandom r) {
    StringBuilder out = new StringBuilder(text.length() + 40);
    int budget = 3;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      out.append(c);
      if (budget > 0
          && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
          && r.nextInt(60) == 0) {
        List<Pinyin> p = HanLP.convertToPinyinList(String.valueOf(c));
        if (!p.isEmpty() && p.get(0) != Pinyin.none5) {
          out.append('(').append(p.get(0).getPinyinWithToneMark()).append(')');
          budget--;
        }
      }
    }
    return out.toString();
  }

  private static String json(
      long i, String title, String body, String publishedAt, String source, String regionCode) {
    StringWriter w = new StringWriter(body.length() * 2 + 200);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("id", "g" + i);
      g.writeStringField("title", title);
      g.writeStringField("body", body);
      g.writeStringField("published_at", publishedAt);
      g.writeStringField("source", source);
      if (regionCode != null) {
        g.writeStringField("region_code", regionCode);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }
}
