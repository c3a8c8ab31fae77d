/**
 * Person names (姓名) in a ledger's text. One cell that is a name proves little (a two-character
 * cell could be a word or a place), so names are found two ways:
 * - a column whose cells are mostly names (`looksLikePersonName`, judged over the column);
 * - in free text, a name where the ledger's own wording puts one (`hasHouseholdName`): before 户,
 *   家 or 同志 (张德明户危房改造, 为李四家修缮, 王五同志), after 户主 or 联系人, or two or more names
 *   in a list (张德明、李秀英等3户).
 * Pure: no DOM and no Node APIs. Nothing here returns or quotes a value.
 */

/**
 * About 200 of the most common single-character surnames. Characters that are much more often
 * the first of an ordinary word (和, 国, 明, 平, 时, 全, 应, 公, 元, 信, 由, 来, 云) are left out on
 * purpose: missing a rare surname costs little, while a false alarm refuses a public build.
 */
const SINGLE_SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁蔡蒋余于杜叶程' +
    '魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛' +
    '郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄樊齐俞牛聂章鲁葛岳柴颜倪殷邢凌詹温申' +
    '欧甘关耿翟包焦兰左祝宁符舒阮尚梅柳童单季裴霍涂成苗谷盛曲翁冉骆蓝路游靳管鲍华喻祁蒲房滕' +
    '屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟' +
    '邬边卞姬师仇栾商刁沙荣巫寇郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆冀郁胥储栗燕楚鄢谌皮' +
    '粟冼蔺楼满闻厉伊仝郜阚权帅屠豆练廉禹漆卿'
  ).split(''),
);

/** Two-character surnames; a name starting with one has a one- or two-character given name. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '司徒', '夏侯', '尉迟', '公孙',
  '长孙', '宇文', '轩辕', '端木', '独孤', '南宫', '西门', '呼延', '闻人', '澹台', '濮阳', '申屠',
  '钟离', '太史', '淳于', '赫连', '拓跋', '司空', '第五', '百里',
]);

/**
 * Endings that make a short Han string a place, an organisation or a project rather than a
 * person. Generous on purpose: place names very often start with a surname character
 * (蒋家堰, 周湾, 王家沟), and a missed name column is still caught by its header or other cells.
 */
const NON_NAME_ENDINGS: readonly string[] = [
  // administrative and community
  '村', '镇', '乡', '社区', '组', '委会', '街道', '街', '县', '市', '区', '州', '省', '屯', '营', '集', '寨', '庄', '堡', '家',
  // landforms and waters that name villages and hamlets
  '路', '桥', '沟', '河', '湾', '坪', '坝', '山', '岭', '垭', '口', '岗', '洼', '坡', '塘', '堰', '溪', '湖', '港', '峪',
  '坳', '冲', '畈', '垸', '岔', '埠', '渡', '岩', '洞', '峡', '坨', '圩', '垴', '梁', '峁', '塬', '嘴', '咀', '台', '窝',
  '坎', '坑', '池', '井', '泉', '岛', '滩', '岸', '城', '关', '门', '巷', '堤', '闸', '渠', '垣', '墩', '坊', '铺', '店',
  // organisations, buildings, projects
  '局', '站', '所', '办', '队', '厂', '场', '院', '校', '园', '会', '部', '委', '司', '社', '处', '科', '室', '馆', '库',
  '厅', '班', '点', '片', '中心', '基地', '政府', '项目', '工程', '产业', '设施', '扶贫', '改造', '搬迁', '建设', '发展',
];

/**
 * Characters that (almost) never occur in a given name but are everywhere in the words of a
 * poverty-alleviation ledger (易地搬迁, 安全饮水, 金融扶贫, 已验收, 是/否 …).
 */
const NON_NAME_CHARACTERS = new Set(
  '的了与及或等个其是否已未在无不没年日号亿亩户村乡县市省区组扶贫困搬迁改造设施项目资款费贷饮厕补贴险社局站所办队厂场校部委处室馆库计划验收'.split(''),
);

/**
 * More characters that do not end a given name in running text, where the two or three characters
 * before 户 or 家 are usually a word: 农 (周边农户), 员 (党员户), 缘 (边缘户), 住 (常住户), 业 (农业户),
 * 型, 类, 级 (星级), 属 (军属), 亲 (单亲家庭), the numerals of a count (万元户), and so on.
 */
const NON_GIVEN_IN_TEXT = new Set(
  '农员缘住业型类级属亲元百千万亿两零人们众民工程网房屋地田水电路桥场棚圈池塘井渠店铺楼院园林果茶菜药粮鱼猪牛羊鸡鸭蜂菌草种养植殖加销售产品质量标准示范重点帮脱返监测家户之其各每全该此本些难保残疾病患独单双'.split(''),
);

/** Two- and three-character words that read like a name before 户, 家 or 同志 but are ledger words. */
const NOT_NAMES = new Set([
  '边缘', '党员', '常住', '文明', '卫生', '关联', '管护', '龙头', '苗木', '金融', '连片', '单亲', '向阳', '黄龙', '甘蔗', '蓝莓',
  '万元', '百元', '千元', '五好', '十星', '星级', '和谐', '平安', '清洁', '美丽', '光荣', '典型', '模范', '先进', '致富', '诚信',
  '孝老', '爱亲', '邻里', '守法', '勤劳', '整洁', '宜居', '生态', '绿色', '科技', '电商', '旅游', '民宿', '农家',
]);

/** Characters after 家 that make it a word of its own (家园, 家乡, 家具 …), not someone's home. */
const NOT_HOME_AFTER = new Set('园乡具电禽畜政务居纺装私常用风教训谱乐底族业'.split(''));

/** Masks that stand for a name withheld (张某某, 李**): what public notices print; not a name. */
const MASKS = new Set('某*＊×xX○〇_'.split(''));

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** True when NFKC would change something a name test looks at: full-width forms, compatibility ideographs. */
function needsFolding(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff00 && c <= 0xffef) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2e80 && c <= 0x2fdf)) return true;
  }
  return false;
}

/** The cell without any whitespace: 张　伟 (a full-width space pads two-character names in tables) is 张伟. */
function withoutSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000 || c === 0xa0) return s.replace(/[\s\u3000]+/g, '');
  }
  return s;
}

/** 1 or 2 (the surname's length) when `t` starts with a surname and can be a whole name (2–4 characters); else 0. */
function surnameLength(t: string): number {
  if (t.length >= 3 && COMPOUND_SURNAMES.has(t.slice(0, 2))) return 2;
  return SINGLE_SURNAMES.has(t[0]!) ? 1 : 0;
}

/**
 * True for a cell that reads like a person's name (姓名): 2–4 Han characters, a common surname
 * first (single or compound), and no ending or character that marks a place, an organisation or
 * a ledger word. One cell proves little; a column of them does.
 */
export function looksLikePersonName(s: string): boolean {
  if (s.length > 12) return false; // fast exit for text; spaces could pad a name to at most this
  const t = withoutSpaces(s);
  if (t.length < 2 || t.length > 4) return false;
  for (let i = 0; i < t.length; i++) if (!isHan(t.charCodeAt(i))) return false;
  const surname = surnameLength(t);
  if (surname === 0) return false;
  for (let i = surname; i < t.length; i++) if (NON_NAME_CHARACTERS.has(t[i]!)) return false;
  return !NON_NAME_ENDINGS.some((e) => t.length > e.length && t.endsWith(e));
}

/** A name as running text has one: surname, then a given name of one or two characters that are no ledger word. */
function isNameInText(t: string): boolean {
  const surname = surnameLength(t);
  if (surname === 0 || t.length - surname < 1 || t.length - surname > 2) return false;
  for (let i = surname; i < t.length; i++) {
    const c = t[i]!;
    if (!isHan(c.charCodeAt(0)) || NON_NAME_CHARACTERS.has(c) || NON_GIVEN_IN_TEXT.has(c) || MASKS.has(c)) return false;
  }
  return !NOT_NAMES.has(t) && !NOT_NAMES.has(t.slice(0, 2));
}

/** True when one of the 2–4 characters ending at `end` (exclusive) of `s` is a name as `isNameInText` reads one. */
function nameEndsAt(s: string, end: number): boolean {
  for (let length = 2; length <= 4 && length <= end; length++) {
    if (isNameInText(s.slice(end - length, end))) return true;
  }
  return false;
}

/** True when a name of 2–4 characters starts at `start` of `s` and is followed by no further Han character but a marker. */
function nameStartsAt(s: string, start: number): boolean {
  for (let length = 2; length <= 4 && start + length <= s.length; length++) {
    const next = start + length < s.length ? s[start + length]! : '';
    const isEnd = next === '' || !isHan(next.charCodeAt(0)) || next === '户' || next === '家' || next === '等' || next === '同';
    if (isEnd && isNameInText(s.slice(start, start + length))) return true;
  }
  return false;
}

/** 户, 家, 同 and 志 as character codes: the characters after a name (张三户, 李四家, 王五同志). */
const HU = 0x6237;
const JIA = 0x5bb6;
const TONG = 0x540c;
const ZHI = 0x5fd7;
/** 主 and 人: the last characters of every label in NAME_LABELS. */
const ZHU = 0x4e3b;
const REN = 0x4eba;

/** Labels after which a ledger writes a person's name (户主：张三); each ends in 主 or 人 (ZHU, REN). */
export const NAME_LABELS = ['户主', '联系人', '负责人', '责任人', '帮扶人', '帮扶责任人', '监护人', '申请人', '承包人'];
/** Separators of a list of names. */
const LIST_SEPARATORS = /[、，,；;／/]/;

/**
 * True when free text names a person where a ledger would: a name before 户, 家 (someone's home,
 * not 家园 or 家乡) or 同志; after a label such as 户主 or 联系人; or a list of two or more names of
 * which one has three characters or more, or that is counted (张伟、李娜等2户). Masked names
 * (张某某) are not names. `allowed` terms (a village named after a family) are skipped.
 */
export function hasHouseholdName(text: string, allowed: readonly string[] = []): boolean {
  let s = withoutSpaces(needsFolding(text) ? text.normalize('NFKC') : text);
  if (s.length < 3) return false;
  for (const term of allowed) if (term !== '' && s.includes(term)) s = s.split(term).join('|');
  // One pass by character code over every text cell of a build: the characters a name ends before,
  // and whether a label can be there at all (each ends in 主 or 人), so the labels are looked for
  // only then and not nine times over every cell.
  let mayHaveLabel = false;
  for (let p = 1; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c === ZHU || c === REN) mayHaveLabel = true;
    else if (p >= 2 && (c === HU || (c === JIA && !NOT_HOME_AFTER.has(s[p + 1] ?? '')) || (c === TONG && s.charCodeAt(p + 1) === ZHI))) {
      if (nameEndsAt(s, p)) return true;
    }
  }
  if (mayHaveLabel) for (const label of NAME_LABELS) {
    for (let at = s.indexOf(label); at >= 0; at = s.indexOf(label, at + 1)) {
      let start = at + label.length;
      while (start < s.length && (s[start] === ':' || s[start] === '：' || s[start] === '为' || s[start] === '是')) start++;
      if (nameStartsAt(s, start)) return true;
    }
  }
  return LIST_SEPARATORS.test(s) && hasNameList(s);
}

/** Two or more names in a row of a list, one of three characters or more, or the list counted (…等2户). */
function hasNameList(s: string): boolean {
  const items = s.split(LIST_SEPARATORS);
  let run = 0;
  let hasLong = false;
  for (let i = 0; i < items.length; i++) {
    let item = items[i]!;
    const counted = /^(.{2,4}?)等[0-9一二三四五六七八九十两]*(户|人|名|家)/.exec(item);
    if (counted) item = counted[1]!;
    if (item.length >= 2 && item.length <= 4 && looksLikePersonName(item) && isNameInText(item)) {
      run++;
      if (item.length >= 3) hasLong = true;
      if (run >= 2 && (hasLong || counted)) return true;
    } else {
      run = 0;
      hasLong = false;
    }
  }
  return false;
}
