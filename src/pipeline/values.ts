import type { ProjectStatus } from '../contract/columns';

/** Cell parsers: each returns the value, or null when the text is not a value of that type. */

/** A number as spreadsheets write it: full-width digits, thousands separators, a trailing %. */
export function parseNumber(raw: string): number | null {
  const s = raw.normalize('NFKC').replace(/[\s,]/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A whole number (counts, years). */
export function parseInteger(raw: string): number | null {
  const n = parseNumber(raw);
  return n !== null && Number.isInteger(n) ? n : null;
}

const TRUE_WORDS = new Set(['是', '1', 'y', 'yes', 'true', '√']);
const FALSE_WORDS = new Set(['否', '0', 'n', 'no', 'false', '×']);

/** 是/否, 1/0, Y/N, yes/no, true/false. */
export function parseBoolean(raw: string): boolean | null {
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/** A month `YYYY-MM` (a one-digit month is padded). */
export function parseMonth(raw: string): string | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(raw.normalize('NFKC').trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
}

/** A calendar date written 2016-05-31, 2016/5/31, 2016.5.31 or 2016年5月31日, as ISO `YYYY-MM-DD`. */
export function parseDate(raw: string): string | null {
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/.exec(raw.normalize('NFKC').replace(/\s/g, ''));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const STATUS_WORDS: Record<string, ProjectStatus> = {
  未开工: 'planned', 待建: 'planned', 计划: 'planned', planned: 'planned',
  在建: 'building', 施工中: 'building', 实施中: 'building', building: 'building',
  已完工: 'done', 完工: 'done', 竣工: 'done', done: 'done',
  已验收: 'accepted', 验收: 'accepted', 通过验收: 'accepted', accepted: 'accepted',
};

/** Project status from its Chinese or English word. */
export function parseStatus(raw: string): ProjectStatus | null {
  return STATUS_WORDS[raw.normalize('NFKC').replace(/\s/g, '').toLowerCase()] ?? null;
}

/** A code kept as text; null unless it is exactly `digits` digits (when given). */
export function parseCode(raw: string, digits?: number): string | null {
  const s = raw.normalize('NFKC').trim();
  if (digits === undefined) return s === '' ? null : s;
  return new RegExp(`^\\d{${digits}}$`).test(s) ? s : null;
}

/** A `;`-separated list (also ；、, and |). */
export function parseList(raw: string): string[] {
  return raw
    .normalize('NFKC')
    .split(/[;,、|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
