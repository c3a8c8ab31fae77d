/** Number formatting for Chinese-first display. */

/** A share (0–1) as a percentage with one decimal, `—` for no data. */
export function formatShare(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** 万元 with up to two decimals and thousands separators. */
export function formatWan(value: number): string {
  return value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** `2016-05` → `2016年5月`. */
export function formatMonthZh(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** Display language of labels. */
export type Lang = 'zh' | 'en';

/** A decimal with a true minus sign (U+2212) and never `−0.0`: `-5` → `−5.0`. */
export function formatSigned(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  const isZero = Number(text) === 0;
  return value < 0 && !isZero ? `\u2212${text}` : text;
}

/** The unit of percentage points after a number: 个百分点 (zh) or pts (en). */
export function pointsUnit(lang: Lang = 'zh'): string {
  return lang === 'en' ? 'pts' : '个百分点';
}

/** Percentage points with one decimal: `−5.0 个百分点` (zh) or `−5.0 pts` (en), `—` for no data. */
export function formatPoints(value: number | null, lang: Lang = 'zh'): string {
  return value === null ? '—' : `${formatSigned(value)} ${pointsUnit(lang)}`;
}

/** The unit after a 0–100 score: 分 (zh) or nothing (en, "of 100" in the title). */
export function scoreUnit(lang: Lang = 'zh'): string {
  return lang === 'en' ? 'of 100' : '分';
}

/** A 0–100 score with one decimal: `96.2 分` (zh), `96.2` (en); `—` for no data. */
export function formatScore(value: number | null, lang: Lang = 'zh'): string {
  return value === null ? '—' : lang === 'en' ? value.toFixed(1) : `${value.toFixed(1)} ${scoreUnit(lang)}`;
}

/** What a value's unit is called in a column header or a legend title: %, 个百分点 / pts, 分 / of 100. */
export function unitName(unit: 'share' | 'points' | 'score', lang: Lang = 'zh'): string {
  return unit === 'share' ? '%' : unit === 'score' ? scoreUnit(lang) : lang === 'en' ? 'percentage points' : '百分点';
}

/** A count short enough for a cluster symbol: 12,345 → 1.2万 (zh) or 12k (en). */
export function formatCount(n: number, lang: 'zh' | 'en'): string {
  if (n < 10_000) return String(n);
  return lang === 'zh' ? `${(n / 10_000).toFixed(n < 100_000 ? 1 : 0)}万` : `${Math.round(n / 1000)}k`;
}
