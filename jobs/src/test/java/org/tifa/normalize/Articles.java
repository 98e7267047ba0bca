package org.tifa.normalize;

/** Hand-written reports for the near-duplicate tests: one article, its copies, and look-alikes. */
final class Articles {
  private Articles() {}

  static final String TITLE = "聊城市推进营商环境优化提升工作综述";

  static final String BODY =
      "今年以来，聊城市坚持把优化营商环境作为“一把手”工程，全力打造市场化法治化国际化一流营商环境。\n"
          + "市政务服务中心设立“高效办成一件事”综合窗口，企业开办时间压缩至半个工作日以内。\n"
          + "全市推行“一企一策”精准帮扶，组织干部深入企业开展走访调研，累计解决企业诉求一千二百余件。\n"
          + "在工程建设项目审批领域，聊城推行并联审批和容缺受理，审批时限较去年同期缩短四成。\n"
          + "市场监管部门推出“双随机、一公开”联合抽查，减少对守法经营企业的打扰。\n"
          + "税务部门全面落实结构性减税降费政策，上半年为各类经营主体减负超过十八亿元。\n"
          + "金融机构创新推出“鲁担惠企贷”等产品，着力缓解中小微企业融资难融资贵问题。\n"
          + "聊城高新区建成企业服务驿站，为入驻企业提供政策咨询、人才招引、法律援助等一站式服务。\n"
          + "市中级人民法院开通涉企案件绿色通道，平均审理周期缩短二十余天。\n"
          + "全市建立营商环境监督员制度，聘请一百名企业家担任特约监督员。\n"
          + "数字政府建设持续深化，九成以上的政务服务事项实现“网上办、掌上办”。\n"
          + "市发展改革委牵头开展营商环境评价，以评促改、以评促优，推动各县区比学赶超。\n"
          + "聊城还组织开展“企业家接待日”活动，市领导面对面听取企业意见建议。\n"
          + "下一步，全市将聚焦企业全生命周期服务，持续推进改革攻坚。\n"
          + "聊城将以更优的服务、更实的举措，为高质量发展注入强劲动力。";

  /** Republished with the portal's own header line. */
  static final String BODY_REHEADED = "来源：齐鲁网\n" + BODY;

  /** Republished with an editor's footer. */
  static final String BODY_FOOTER = BODY + "\n（责任编辑：王晓明　审核：李强）";

  /** Sentence 6 edited: 上半年 → 前三季度, 十八 → 二十. */
  static final String BODY_EDITED =
      BODY.replace(
          "税务部门全面落实结构性减税降费政策，上半年为各类经营主体减负超过十八亿元。", "税务部门全面落实结构性减税降费政策，前三季度为各类经营主体减负超过二十亿元。");

  /** Same city and topic, many shared phrases, another article. */
  static final String UNRELATED_TITLE = "聊城市召开优化营商环境工作推进会";

  static final String UNRELATED_BODY =
      "聊城市召开优化营商环境工作推进会议，总结上半年工作，部署下一阶段重点任务。\n"
          + "会议指出，营商环境就是生产力，各级各部门要树牢“人人都是营商环境”的理念。\n"
          + "要深化“高效办成一件事”改革，推动更多事项集成办理、一次办好。\n"
          + "要完善“一企一策”服务机制，对重点企业实行专班服务、全程跟踪。\n"
          + "会议要求，各县区要对照先进找差距，逐项制定整改清单，明确责任人和完成时限。\n"
          + "市纪委监委将对损害营商环境的行为严肃追责问责。\n"
          + "各部门要主动靠前服务，真正做到无事不扰、有求必应。\n"
          + "会上，东昌府区、临清市、高新区作了典型发言。";
  static final String ORIGINAL = TITLE + "\n" + BODY;
  static final String EDITED = TITLE + "\n" + BODY_EDITED;
  static final String UNRELATED = UNRELATED_TITLE + "\n" + UNRELATED_BODY;

  /** A two-sentence notice; the other city's differs only in the city name, said three times. */
  static final String NOTICE_TITLE = "德州市人民政府办公室关于2024年清明节放假安排的通知";

  static final String NOTICE_BODY =
      "根据国务院办公厅通知精神，经德州市人民政府同意，现将德州市2024年清明节放假安排通知如下：4月4日至6日放假调休，共3天。请德州市各单位妥善安排好值班和安全保卫等工作。";

  /** A chain: B is the original, A and C each rewrite a different sentence of it. */
  static final String CHAIN_TITLE = "德州市扎实推进乡村振兴";

  static final String CHAIN_B =
      "德州市扎实推进乡村振兴战略，着力建设宜居宜业和美乡村。\n"
          + "全市新建改建农村公路三百公里，实现了村村通硬化路和客车。\n"
          + "农村改厕工作稳步推进，卫生厕所普及率达到百分之九十五以上。\n"
          + "各县市区培育特色产业，发展“一村一品”专业村二百余个。\n"
          + "乐陵市金丝小枣、庆云县绿色蔬菜等品牌叫响全国。\n"
          + "德州市深化农村集体产权制度改革，村集体经济收入全部超过十万元。\n"
          + "全市组织农技人员下乡服务，累计培训高素质农民一万二千人次。\n"
          + "农村电商快速发展，建成镇级电商服务站一百二十个、村级服务点一千余个。\n"
          + "德州还实施农村人居环境整治提升行动，清理村庄垃圾和杂物堆。\n"
          + "下一步，德州将持续用力，推动农业高质高效、乡村宜居宜业、农民富裕富足。";

  static final String CHAIN_A =
      CHAIN_B.replace("全市新建改建农村公路三百公里，实现了村村通硬化路和客车。", "各地累计新修和翻建乡村道路三百公里，农民群众出行更加方便。");

  static final String CHAIN_C =
      CHAIN_B.replace("全市组织农技人员下乡服务，累计培训高素质农民一万二千人次。", "市里每年选派农业专家进村入户，手把手传授种植养殖技术。");
}
