/** Number formatting for Chinese-first display; the words of each language come from src/i18n. */
import { compactCount, fillText, formatNumberIn, t, type Lang } from '../i18n';

/** A share (0–1) as a percentage with one decimal, `—` for no data. */
export function formatShare(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** 万元 with up to two decimals and thousands separators. */
export function formatWan(value: number): string {
  return formatNumberIn('zh-CN', value, { maximumFractionDigits: 2 });
}

/** A decimal with a true minus sign (U+2212) and never `−0.0`: `-5` → `−5.0`. */
export function formatSigned(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  const isZero = Number(text) === 0;
  return value < 0 && !isZero ? `\u2212${text}` : text;
}

/** The unit of percentage points after a number: 个百分点 (zh) or pts (en). */
export function pointsUnit(lang: Lang = 'zh'): string {
  return t(lang, 'pointsUnit');
}

/** Percentage points with one decimal: `−5.0 个百分点` (zh) or `−5.0 pts` (en), `—` for no data. */
export function formatPoints(value: number | null, lang: Lang = 'zh'): string {
  return value === null ? '—' : `${formatSigned(value)} ${pointsUnit(lang)}`;
}

/** The unit after a 0–100 score: 分 (zh) or "of 100" (en, where a score shows as a bare number). */
export function scoreUnit(lang: Lang = 'zh'): string {
  return t(lang, 'scoreUnit');
}

/** A 0–100 score with one decimal: `96.2 分` (zh), `96.2` (en); `—` for no data. */
export function formatScore(value: number | null, lang: Lang = 'zh'): string {
  return value === null ? '—' : fillText(lang, 'scoreValue', { score: value.toFixed(1) });
}

/** A count short enough for a cluster symbol: 12,345 → 1.2万 (zh) or 12k (en); src/i18n's compactCount, argument order of src/app's callers. */
export function formatCount(n: number, lang: Lang): string {
  return compactCount(lang, n);
}
