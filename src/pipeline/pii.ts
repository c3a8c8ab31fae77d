/**
 * Personal data in cell values (DESIGN.md "The dataset contract"): a header can be renamed, so
 * public mode also looks at what the cells hold. Resident ID numbers (身份证号), mobile numbers
 * (手机号) and bank card numbers (银行卡号) are recognised per cell, by their check characters
 * where they have one; person names (姓名) only as a property of a whole column, since a single
 * two-character cell cannot be told from a word or a place.
 *
 * Pure: no DOM and no Node APIs, so the CLI and the browser's import preview agree. Nothing here
 * ever returns or quotes a value, only row numbers and counts: the report is published.
 */

export type PersonalDataKind = 'id' | 'mobile' | 'bank' | 'name';

export interface PersonalDataFinding {
  /** The header as written in the file (trimmed). */
  column: string;
  kind: PersonalDataKind;
  /** The first three spreadsheet row numbers (1-based, as a spreadsheet shows them) where it was found. */
  rows: number[];
  /** How many cells of the column hold it. */
  count: number;
}

export interface ScanOptions {
  /** True for a column that may hold a phone number (the public supervision hotline, 监督电话). */
  allowsPhone(columnIndex: number): boolean;
  /** True for a column whose cells could be person names (free text of unknown meaning). */
  checksNames(columnIndex: number): boolean;
}

// ---------------------------------------------------------------------------------------------
// Characters

const ZERO = 0x30;
const NINE = 0x39;
const FULL_ZERO = 0xff10;
const FULL_NINE = 0xff19;

/** The value 0–9 of an ASCII or full-width digit, or -1. Full-width digits are what NFKC would fold. */
function digitValue(code: number): number {
  if (code >= ZERO && code <= NINE) return code - ZERO;
  if (code >= FULL_ZERO && code <= FULL_NINE) return code - FULL_ZERO;
  return -1;
}

/** X or x, half- or full-width: the ID check character 10. */
function isCheckX(code: number): boolean {
  return code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58;
}

/**
 * Spaces and hyphens that people type between digit groups (138 1234 5678, 6222-0212-…):
 * ASCII and ideographic space, no-break space, tab, hyphen-minus, full-width hyphen, the
 * Unicode hyphens and dashes up to the en dash, and the minus sign.
 */
function isSeparator(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 ||
    code === 0x2d || code === 0xff0d || (code >= 0x2010 && code <= 0x2013) || code === 0x2212
  );
}

/** NFKC (full-width forms fold), without spaces and hyphens, upper case: the form the `is…` checks compare. */
function compact(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u2010-\u2013\u2212-]+/g, '').toUpperCase();
}

function isAllDigits(s: string, from = 0, to = s.length): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Resident ID numbers (GB 11643-1999)

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The ISO 7064 MOD 11-2 check character of the first 17 characters (ASCII digits). */
function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - ZERO) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `length` digits of `s` from `at` as a number (the caller has checked they are digits). */
function numberAt(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + (s.charCodeAt(i) - ZERO);
  return n;
}

/** 18 compact characters (17 ASCII digits and a digit or upper-case X) that form a valid ID number. */
function isIdDigits(s: string): boolean {
  if (s.length !== 18 || !isAllDigits(s, 0, 17)) return false;
  if (s.charCodeAt(0) === ZERO) return false; // region codes start 1–9
  const last = s.charCodeAt(17);
  if (!(last >= ZERO && last <= NINE) && last !== 0x58) return false;
  const year = numberAt(s, 6, 4);
  const month = numberAt(s, 10, 2);
  const day = numberAt(s, 12, 2);
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  return residentIdCheckCharacter(s) === s[17];
}

/**
 * An 18-character mainland resident ID number (身份证号): region code, a real birth date
 * 1900–2099, sequence and a valid MOD 11-2 check character. Spaces, hyphens and full-width forms
 * are allowed, as clerks type them.
 */
export function isResidentIdNumber(s: string): boolean {
  return isIdDigits(compact(s));
}

// ---------------------------------------------------------------------------------------------
// Mobile numbers

/** 11 ASCII digits 1[3-9]…, optionally after 86 or 0086, with nothing else. */
function isMobileDigits(s: string): boolean {
  const at = s.length === 11 ? 0 : s.length === 13 && s.startsWith('86') ? 2 : s.length === 15 && s.startsWith('0086') ? 4 : -1;
  if (at < 0 || !isAllDigits(s)) return false;
  const second = s.charCodeAt(at + 1);
  return s.charCodeAt(at) === ZERO + 1 && second >= ZERO + 3 && second <= NINE;
}

/**
 * A mainland mobile number (手机号): 11 digits starting 13–19, with or without a +86, 86 or 0086
 * prefix, spaces and hyphens. Landlines (0719-2722000) and service numbers (12317) are not.
 */
export function isMobileNumber(s: string): boolean {
  const c = compact(s);
  if (c.startsWith('+')) return c.startsWith('+86') && c.length === 14 && isMobileDigits(c.slice(1));
  return isMobileDigits(c);
}

// ---------------------------------------------------------------------------------------------
// Bank card numbers

/** The Luhn (mod 10) check over ASCII digits, as every bank card number carries. */
function passesLuhn(s: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    let d = s.charCodeAt(i) - ZERO;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function isBankDigits(s: string): boolean {
  return s.length >= 16 && s.length <= 19 && isAllDigits(s) && passesLuhn(s) && !isIdDigits(s);
}

/**
 * A bank card number (银行卡号): 16–19 digits passing the Luhn check, spaces and hyphens allowed.
 * An 18-digit string that is a valid resident ID number is reported as that instead.
 */
export function isBankCardNumber(s: string): boolean {
  return isBankDigits(compact(s));
}

// ---------------------------------------------------------------------------------------------
// Person names

/**
 * About 200 of the most common single-character surnames. Characters that are much more often
 * the first of an ordinary word (和, 国, 明, 平, 时, 全, 应, 公, 元, 信, 由, 来, 云) are left out on
 * purpose: the judgement is per column, so missing a rare surname costs little, while a false
 * alarm refuses a build.
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

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** The cell without any whitespace: 张　伟 (a full-width space pads two-character names in tables) is 张伟. */
function withoutSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000 || c === 0xa0) return s.replace(/[\s\u3000]+/g, '');
  }
  return s;
}

/**
 * True for a cell that reads like a person's name (姓名): 2–4 Han characters, a common surname
 * first (single or compound), and no ending or character that marks a place, an organisation or
 * a ledger word. One cell proves little; `scanForPersonalData` judges whole columns.
 */
export function looksLikePersonName(s: string): boolean {
  if (s.length > 12) return false; // fast exit for text; spaces could pad a name to at most this
  const t = withoutSpaces(s);
  if (t.length < 2 || t.length > 4) return false;
  for (let i = 0; i < t.length; i++) if (!isHan(t.charCodeAt(i))) return false;
  const surnameLength = t.length >= 3 && COMPOUND_SURNAMES.has(t.slice(0, 2)) ? 2 : SINGLE_SURNAMES.has(t[0]!) ? 1 : 0;
  if (surnameLength === 0) return false;
  for (let i = surnameLength; i < t.length; i++) if (NON_NAME_CHARACTERS.has(t[i]!)) return false;
  return !NON_NAME_ENDINGS.some((e) => t.length > e.length && t.endsWith(e));
}

// ---------------------------------------------------------------------------------------------
// Scanning a table

const KIND_ORDER: readonly PersonalDataKind[] = ['id', 'mobile', 'bank', 'name'];
const FOUND_ID = 1;
const FOUND_MOBILE = 2;
const FOUND_BANK = 4;

/** Row numbers kept per finding. */
const ROWS_KEPT = 3;
/** A name column needs this many non-empty cells, and this share of them names. */
const NAME_MIN_CELLS = 3;
const NAME_MIN_SHARE = 0.6;
/** Fewer digits in a cell than this and it cannot hold a mobile number, let alone an ID or a card. */
const MIN_DIGITS = 11;

/**
 * A run of digit groups in a cell: groups of ASCII digits (full-width folded) separated by
 * exactly one space or hyphen (138 1234 5678), as typed. `afterX` is true when an X follows the
 * last group (an ID's check character).
 */
interface DigitRun {
  groups: string[];
  digits: number;
  afterX: boolean;
}

/** What one pass over a cell says: too few digits to matter, nothing but ASCII digits, or a mix. */
const FEW_DIGITS = 0;
const ONLY_DIGITS = 1;
const MIXED = 2;

/**
 * Most cells are shorter than `MIN_DIGITS` and cost nothing; the others one pass without
 * allocating. A cell of bare digits (codes, counts: the commonest long cells) is one token and
 * needs no splitting.
 */
function digitProfile(s: string): number {
  if (s.length < MIN_DIGITS) return FEW_DIGITS;
  let n = 0;
  for (let i = 0; i < s.length; i++) if (digitValue(s.charCodeAt(i)) >= 0) n++;
  if (n < MIN_DIGITS) return FEW_DIGITS;
  return n === s.length && isAllDigits(s) ? ONLY_DIGITS : MIXED;
}

/** The digits of `s[from, to)` in ASCII, folding full-width digits. */
function foldDigits(s: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += String.fromCharCode(ZERO + digitValue(s.charCodeAt(i)));
  return out;
}

/**
 * The digit runs of a cell that could hold a personal number (11 digits or more). Digits right
 * after a decimal point (32.318712…) are dropped: a long digit string there is a coordinate's
 * decimals, not a number that identifies anyone.
 */
function digitRuns(s: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < s.length) {
    if (digitValue(s.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const before = i > 0 ? s.charCodeAt(i - 1) : 0;
    const isFraction = (before === 0x2e || before === 0xff0e) && i >= 2 && digitValue(s.charCodeAt(i - 2)) >= 0;
    const run: DigitRun = { groups: [], digits: 0, afterX: false };
    for (;;) {
      const start = i;
      let isAscii = true;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= FULL_ZERO && c <= FULL_NINE) isAscii = false;
        else if (c < ZERO || c > NINE) break;
      }
      run.groups.push(isAscii ? s.slice(start, i) : foldDigits(s, start, i));
      run.digits += i - start;
      if (i < s.length && isCheckX(s.charCodeAt(i))) {
        run.afterX = true;
        i++;
        break;
      }
      if (i + 1 < s.length && isSeparator(s.charCodeAt(i)) && digitValue(s.charCodeAt(i + 1)) >= 0) {
        i++;
        continue;
      }
      break;
    }
    if (isFraction) run.digits -= run.groups.shift()!.length;
    // Digits glued to Latin letters are part of a code (a hex key such as 13812345678a, an id
    // such as ZX13812345678), not a number typed on its own.
    const isInCode = isLatinLetter(before) || (i < s.length && isLatinLetter(s.charCodeAt(i)));
    if (run.digits >= MIN_DIGITS && !isInCode) runs.push(run);
  }
  return runs;
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Group lengths that are how people write a mobile number. */
const MOBILE_GROUPINGS: readonly (readonly number[])[] = [[3, 4, 4], [3, 8], [7, 4]];
/** Group lengths of a written ID number; the X, if any, counts in the last group. */
const ID_GROUPINGS: readonly (readonly number[])[] = [[6, 8, 4], [6, 4, 4, 4]];

/** The groups from `from` to the end of the run joined, if their lengths are `pattern` (`plusLast` added to the last); else null. */
function joinedAs(groups: readonly string[], from: number, pattern: readonly number[], plusLast: number): string | null {
  if (groups.length - from !== pattern.length) return null;
  for (let k = 0; k < pattern.length; k++) {
    const g = from + k;
    if (groups[g]!.length + (g === groups.length - 1 ? plusLast : 0) !== pattern[k]) return null;
  }
  return groups.slice(from).join('');
}

/** True for a whole run of four-digit groups, the last of 1–4 (6222 0212 3456 7890 123). */
function isCardGrouping(groups: readonly string[]): boolean {
  for (let g = 0; g < groups.length; g++) {
    const n = groups[g]!.length;
    if (g < groups.length - 1 ? n !== 4 : n < 1 || n > 4) return false;
  }
  return true;
}

/**
 * What kinds of personal number a cell holds, as a bit set. Each maximal digit string is a token
 * (so an ID inside "户主420…" is found, and 20 digits hold no ID); a whole run of groups written
 * with single spaces or hyphens is also joined when its group lengths are a usual way of writing
 * the number (see `joinedNumbers`).
 */
function numbersIn(cell: string, allowsPhone: boolean): number {
  const profile = digitProfile(cell);
  if (profile === FEW_DIGITS) return 0;
  if (profile === ONLY_DIGITS) return tokenKind(cell, false, allowsPhone);
  let found = 0;
  for (const run of digitRuns(cell)) {
    const { groups } = run;
    const last = groups.length - 1;
    for (let g = 0; g < groups.length; g++) found |= tokenKind(groups[g]!, g === last && run.afterX, allowsPhone);
    if (groups.length > 1) found |= joinedNumbers(run, allowsPhone);
  }
  return found;
}

/** The kind of one maximal digit string (`afterX`: an X follows it), as a bit, or 0. */
function tokenKind(token: string, afterX: boolean, allowsPhone: boolean): number {
  if (token.length < MIN_DIGITS) return 0;
  if (token.length === 17) return afterX && isIdDigits(token + 'X') ? FOUND_ID : 0;
  if (token.length === 18 && isIdDigits(token)) return FOUND_ID;
  if (!allowsPhone && isMobileDigits(token)) return FOUND_MOBILE;
  return isBankDigits(token) ? FOUND_BANK : 0;
}

/**
 * A whole run of groups that spells an ID number, a mobile number (after a 86/0086 group, as
 * in +86 138 1234 5678) or a card number. Only whole runs, and only usual groupings: a window
 * inside a longer run would read the 1975 1231 123 of an ID written 6-4-4-4 as a mobile number,
 * and the Luhn check alone passes one digit string in ten (2016-2017-2018-2019), so a card must
 * be written in fours.
 */
function joinedNumbers(run: DigitRun, allowsPhone: boolean): number {
  const { groups } = run;
  let found = 0;
  for (const pattern of ID_GROUPINGS) {
    const joined = joinedAs(groups, 0, pattern, run.afterX ? 1 : 0);
    if (joined !== null && isIdDigits(run.afterX ? joined + 'X' : joined)) found |= FOUND_ID;
  }
  if (!allowsPhone && !run.afterX) {
    const from = groups[0] === '86' || groups[0] === '0086' ? 1 : 0;
    for (const pattern of MOBILE_GROUPINGS) {
      const joined = joinedAs(groups, from, pattern, 0);
      if (joined !== null && isMobileDigits(joined)) found |= FOUND_MOBILE;
    }
  }
  if (run.digits >= 16 && run.digits <= 19 && !run.afterX && isCardGrouping(groups)) {
    const joined = groups.join('');
    if (isBankDigits(joined)) found |= FOUND_BANK;
  }
  return found;
}

function isBlankCell(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c !== 0x3000 && c !== 0xa0) return false;
  }
  return true;
}

/** Where one kind was found in one column, while scanning. */
interface Tally {
  rows: number[];
  count: number;
}

function tally(): Tally {
  return { rows: [], count: 0 };
}

function record(t: Tally, row: number): void {
  t.count++;
  if (t.rows.length < ROWS_KEPT) t.rows.push(row);
}

interface ColumnTally {
  id: Tally;
  mobile: Tally;
  bank: Tally;
  name: Tally;
  nonEmpty: number;
  allowsPhone: boolean;
  checksNames: boolean;
}

/**
 * Every cell of every column, for ID, mobile and bank card numbers (one cell is enough), and
 * the columns `checksNames` admits for person names (at least 3 non-empty cells, 60% of them
 * names). `rows[i]` is spreadsheet row `firstRowNumber + i`. Cells beyond the header are scanned
 * too, under an empty column name. Findings are in column order, id/mobile/bank/name within a
 * column, one per column and kind.
 */
export function scanForPersonalData(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  firstRowNumber: number,
  options: ScanOptions,
): PersonalDataFinding[] {
  const scanner = new PersonalDataScanner(header, options);
  for (let r = 0; r < rows.length; r++) scanner.add(rows[r]!, firstRowNumber + r);
  return scanner.findings();
}

/**
 * `scanForPersonalData` one row at a time, for a table read as it streams: what it keeps grows
 * with the columns, never with the rows.
 */
export class PersonalDataScanner {
  private readonly columns: ColumnTally[] = [];

  constructor(
    private readonly header: readonly string[],
    private readonly options: ScanOptions,
  ) {
    if (header.length > 0) this.column(header.length - 1);
  }

  private column(c: number): ColumnTally {
    const { columns, options } = this;
    while (columns.length <= c) {
      const i = columns.length;
      columns.push({ id: tally(), mobile: tally(), bank: tally(), name: tally(), nonEmpty: 0, allowsPhone: options.allowsPhone(i), checksNames: options.checksNames(i) });
    }
    return columns[c]!;
  }

  /** One row's cells, at spreadsheet row `rowNumber`. */
  add(row: readonly string[], rowNumber: number): void {
    const { columns } = this;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c]!;
      if (cell === '') continue;
      const t = c < columns.length ? columns[c]! : this.column(c);
      const found = numbersIn(cell, t.allowsPhone);
      if (found !== 0) {
        if (found & FOUND_ID) record(t.id, rowNumber);
        if (found & FOUND_MOBILE) record(t.mobile, rowNumber);
        if (found & FOUND_BANK) record(t.bank, rowNumber);
      }
      if (t.checksNames && !isBlankCell(cell)) {
        t.nonEmpty++;
        if (looksLikePersonName(cell)) record(t.name, rowNumber);
      }
    }
  }

  /** What the rows so far hold. */
  findings(): PersonalDataFinding[] {
    const findings: PersonalDataFinding[] = [];
    this.columns.forEach((t, c) => {
      const name = (this.header[c] ?? '').trim();
      for (const kind of KIND_ORDER) {
        const k = t[kind];
        if (k.count === 0) continue;
        if (kind === 'name' && (t.nonEmpty < NAME_MIN_CELLS || k.count < NAME_MIN_SHARE * t.nonEmpty)) continue;
        findings.push({ column: name, kind, rows: k.rows, count: k.count });
      }
    });
    return findings;
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

const KIND_LABELS: Record<PersonalDataKind, string> = {
  id: '身份证号 ID numbers',
  mobile: '手机号 mobile phone numbers',
  bank: '银行卡号 bank card numbers',
  name: '姓名 person names',
};

/**
 * The issue text for a finding: the kind, the first rows and the count, so a clerk can find the
 * cells. Never the values: report.json is published.
 */
export function personalDataMessage(f: PersonalDataFinding): string {
  const rows = `${f.rows.length === 1 ? 'row' : 'rows'} ${f.rows.join(', ')}`;
  const cells = `${f.count} ${f.count === 1 ? 'cell' : 'cells'}`;
  return `column looks like it holds ${KIND_LABELS[f.kind]} (${rows}; ${cells}): personal data must never be published; delete the column or the values`;
}
