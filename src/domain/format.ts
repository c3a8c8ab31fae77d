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
