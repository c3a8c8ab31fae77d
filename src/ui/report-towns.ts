/** The report's towns section: the towns ranked by the chosen indicator, with its change, completion, disbursement and lagging projects. */
import { formatIndicator, formatIndicatorCell, indicatorColumnHeader, indicatorSpec } from '../domain/indicators';
import { fillText, monthLabel, t, type Lang } from '../i18n';
import type { MonthlyReport } from '../state/report-model';
import { h } from './dom';
import { changeText, headRow, section, type ReportContext } from './report-layout';

/** The towns table as displayed text, shared by the table and its CSV download. */
export interface TownsTableText {
  header: string[];
  rows: { code: string; cells: string[] }[];
}

/** The towns table's header and rows as shown: rank, rank change, town, value, its change, completion, disbursement, lagging projects. */
export function townsTableText(report: MonthlyReport, lang: Lang): TownsTableText {
  const spec = indicatorSpec(report.indicator);
  const completion = indicatorSpec('completion');
  const disbursement = indicatorSpec('disbursement');
  const header = [t(lang, 'rank'), t(lang, 'reportRankChange'), t(lang, 'town'), indicatorColumnHeader(spec, lang), t(lang, 'reportValueChange'), completion[lang], disbursement[lang], t(lang, 'reportLaggingCount')];
  const rows = report.towns.map((r) => ({
    code: r.code,
    cells: [
      r.rank === null ? '—' : String(r.rank),
      rankChangeText(r.rankChange),
      r.name,
      formatIndicatorCell(spec, r.value, lang),
      changeText(spec, r.change),
      formatIndicator(completion, r.completion, lang),
      formatIndicator(disbursement, r.disbursement, lang),
      r.laggingProjects === null ? '—' : String(r.laggingProjects),
    ],
  }));
  return { header, rows };
}

/** `↑2`, `↓1`, `—` for the same rank; empty when there is nothing to compare with. */
export function rankChangeText(change: number | null): string {
  if (change === null) return '';
  return change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : '—';
}

/** The towns ranked by the chosen indicator: who leads and trails, who moved, and the table. */
export function townsSection(c: ReportContext, text: TownsTableText): HTMLElement {
  const { report, lang } = c;
  const el = section('report-towns-section', t(lang, 'reportTownsSection'));
  const names = (rows: MonthlyReport['towns']): string => (rows.length === 0 ? t(lang, 'reportNone') : rows.map((r) => r.name).join(t(lang, 'reportListSeparator')));
  const ranked = report.towns.filter((r) => r.rank !== null);
  if (ranked.length >= 6) el.append(h('p', 'report-lead', fillText(lang, 'reportTownsLead', { indicator: c.spec[lang], top: names(ranked.slice(0, 3)), bottom: names(ranked.slice(-3)) })));
  if (report.previousMonth === null) el.append(h('p', 'report-note', t(lang, 'reportFirstMonth')));
  else {
    const moves = (rows: MonthlyReport['towns']): string => (rows.length === 0 ? t(lang, 'reportNone') : rows.map((r) => `${r.name}${fillText(lang, 'parenthetical', { text: rankChangeText(r.rankChange) })}`).join(t(lang, 'reportListSeparator')));
    el.append(h('p', 'report-lead', fillText(lang, 'reportMovesLead', { up: moves(report.towns.filter((r) => (r.rankChange ?? 0) > 0)), down: moves(report.towns.filter((r) => (r.rankChange ?? 0) < 0)) })));
  }
  const table = h('table', 'report-table report-towns');
  table.id = 'report-towns';
  table.dataset.indicator = report.indicator;
  table.append(h('caption', 'report-caption', fillText(lang, 'rankingTowns', { indicator: c.spec[lang], month: monthLabel(lang, report.month) })));
  headRow(table, text.header, [0, 1, 3, 4, 5, 6, 7]);
  const body = table.createTBody();
  text.rows.forEach((row, i) => {
    const tr = body.insertRow();
    tr.dataset.code = row.code;
    row.cells.forEach((cell, k) => {
      const td = h(k === 2 ? 'th' : 'td', k === 2 ? '' : k === 1 ? 'report-num report-move' : 'report-num', cell);
      if (k === 2) td.setAttribute('scope', 'row');
      if (k === 1) {
        const move = report.towns[i]?.rankChange ?? null;
        if (move !== null) td.title = fillText(lang, move > 0 ? 'reportRankUp' : move < 0 ? 'reportRankDown' : 'reportRankSame', { n: Math.abs(move) });
      }
      tr.append(td);
    });
  });
  el.append(table);
  return el;
}
