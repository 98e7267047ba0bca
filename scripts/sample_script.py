"""Script variants for the sample: a hand-made Simplified -> Traditional table and pinyin
annotations.

The table covers the characters of the hand-written material (Taiwan-style forms). Phrases
come first where a simplified character has more than one traditional counterpart, so the
conversion back to Simplified is exact; check_sample.py verifies that round trip, and also
against OpenCC's dictionary when the opencc4j jar is in the local Maven repository.
"""

# Characters, position by position.
_S = (
    "万与专业东丝两严丧个临为丽举么义乌乐习乡书争于云亚产亩亿仅从仪们价众优会伟传体余"
    "儿兑党兰关兴养内册写农冯冲决况净准减几凤划刘刚创删别办务动劲势区医华协单卢卫厂厅"
    "历压厦县参双发变台叶号后吕吨听启吴员响团园围国图圣场坚坝墙壮声处备复头夹奥妇孙学"
    "宁宝实审宽宾对导寿将层届屿岗岛峡崂巩师带帮干并广庄庆庐应庙废开异张强归当录彻忧态"
    "总惯愿战户托执扩扫扬护报担拣拨择挂挣挥据摆摇数断无旧时显晋晓术机杂权条来杨构枣枫"
    "标栈栋样桥检楼樱气汇汉没泽洁济浏浐涛淀温游湾满滨潍灯点烟热焕牵狮献环现瓯电疗监盖"
    "盘码础确礼种积稳笋筑筜筝筹筼签简类粮紧纠红纤约级纪纳纵纺纾线练组细织终绍经结绕绘"
    "给统继绩续维绵综绿缔编缝缩网罗职联胜胶脉艺节芜芦苏苹范荣药莱获营蒋补装见观规视觉"
    "计订认讨让训议讯记讲许论设访证评识诊话询详说请诸诺读课调谈谋谢谱负贡财责败账质贫"
    "贯贸费贺贾资赣赵跃践车轨转轮软轴轻载辑输辖边辽达迁过迈运还这进远违连选遗邓邹郁郑"
    "酿采释里鉴钉钟钢钱铁铜铝银铺链销锂锋锡锦键锲镇镜长门闭问闲间闻闽阁阅阆队阳阴阶际"
    "陈陕险随隐隶难静韩韵页项顺须顾预领频题颜额风飞饭饮馆馈马骇验鱼鲁鸟鸢鸣鹤鹭黄鼋齐"
    "龙"
)
_T = (
    "萬與專業東絲兩嚴喪個臨為麗舉麼義烏樂習鄉書爭於雲亞產畝億僅從儀們價眾優會偉傳體餘"
    "兒兌黨蘭關興養內冊寫農馮衝決況淨準減幾鳳劃劉剛創刪別辦務動勁勢區醫華協單盧衛廠廳"
    "歷壓廈縣參雙發變臺葉號後呂噸聽啟吳員響團園圍國圖聖場堅壩牆壯聲處備復頭夾奧婦孫學"
    "寧寶實審寬賓對導壽將層屆嶼崗島峽嶗鞏師帶幫幹並廣莊慶廬應廟廢開異張強歸當錄徹憂態"
    "總慣願戰戶託執擴掃揚護報擔揀撥擇掛掙揮據擺搖數斷無舊時顯晉曉術機雜權條來楊構棗楓"
    "標棧棟樣橋檢樓櫻氣匯漢沒澤潔濟瀏滻濤澱溫遊灣滿濱濰燈點煙熱煥牽獅獻環現甌電療監蓋"
    "盤碼礎確禮種積穩筍築簹箏籌篔簽簡類糧緊糾紅纖約級紀納縱紡紓線練組細織終紹經結繞繪"
    "給統繼績續維綿綜綠締編縫縮網羅職聯勝膠脈藝節蕪蘆蘇蘋範榮藥萊獲營蔣補裝見觀規視覺"
    "計訂認討讓訓議訊記講許論設訪證評識診話詢詳說請諸諾讀課調談謀謝譜負貢財責敗賬質貧"
    "貫貿費賀賈資贛趙躍踐車軌轉輪軟軸輕載輯輸轄邊遼達遷過邁運還這進遠違連選遺鄧鄒鬱鄭"
    "釀採釋裡鑒釘鐘鋼錢鐵銅鋁銀鋪鏈銷鋰鋒錫錦鍵鍥鎮鏡長門閉問閒間聞閩閣閱閬隊陽陰階際"
    "陳陝險隨隱隸難靜韓韻頁項順須顧預領頻題顏額風飛飯飲館饋馬駭驗魚魯鳥鳶鳴鶴鷺黃黿齊"
    "龍"
)

# Phrases whose characters do not follow the character table.
PHRASES = {
    "台州": "台州", "三里铺": "三里鋪", "十里": "十里", "公里": "公里", "托育": "托育",
    "白洋淀": "白洋淀", "收获": "收穫", "复杂": "複雜", "重复": "重複", "合并": "合併",
    "岳麓山": "嶽麓山", "岳阳": "岳陽", "阳谷": "陽穀", "了解": "瞭解", "干净": "乾淨",
    "若干": "若干", "出台": "出臺", "平台": "平臺", "余热": "餘熱", "风采": "風采",
}

S2T = dict(zip(_S, _T))
T2S = {t: s for s, t in S2T.items()}
T2S_PHRASES = {t: s for s, t in PHRASES.items()}
assert len(_S) == len(_T) == len(S2T) == len(T2S)


def convert(text, phrases, chars, longest=None):
    """Longest-match conversion: phrases first, then character by character."""
    out, i = [], 0
    longest = longest or max(len(p) for p in phrases)
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            piece = text[i:i + n]
            if piece in phrases:
                out.append(phrases[piece])
                i += n
                break
        else:
            out.append(chars.get(text[i], text[i]))
            i += 1
    return "".join(out)


def to_traditional(text):
    return convert(text, PHRASES, S2T)


def to_simplified(text):
    """Inverse of to_traditional for text it produced (used by the checks)."""
    return convert(text, T2S_PHRASES, T2S)


# Pinyin glued after a character, as some mirror sites print it.
PINYIN = {"协": "xié", "協": "xié", "报": "bào", "報": "bào", "绿": "lǜ", "綠": "lǜ",
          "旅": "lǚ", "聊": "liáo", "茌": "chí", "莘": "shēn", "振": "zhèn", "质": "zhì",
          "質": "zhì", "调": "diào", "調": "diào", "研": "yán"}

_FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(ord("a"), ord("z") + 1)}


def pinyin_form(syllable, style):
    """style: ascii '(xié)', fullwidth '（ｘｉé）', u_umlaut 'lü', v 'lv' (tone dropped)."""
    if style == "fullwidth":
        return "（" + "".join(_FULLWIDTH.get(c, c) for c in syllable) + "）"
    if style in ("u_umlaut", "v") and ("ǚ" in syllable or "ǜ" in syllable):
        plain = syllable.replace("ǚ", "ü").replace("ǜ", "ü")
        return "(" + (plain if style == "u_umlaut" else plain.replace("ü", "v")) + ")"
    return "(" + syllable + ")"


def annotate_pinyin(text, rng, limit=4):
    """Glue pinyin after up to `limit` annotatable characters; returns (text, count)."""
    out, count = [], 0
    styles = ["ascii", "ascii", "fullwidth", "u_umlaut", "v"]
    for ch in text:
        out.append(ch)
        if ch in PINYIN and count < limit and rng.random() < 0.6:
            out.append(pinyin_form(PINYIN[ch], rng.choice(styles)))
            count += 1
    return "".join(out), count
