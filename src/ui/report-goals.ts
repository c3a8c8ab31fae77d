/** The report's goals section: per town, the villages that reached each of the four goals, and which are new this month. */
import { formatShare } from '../domain/format';
import { indicatorSpec } from '../domain/indicators';
import { regionName } from '../domain/region-name';
import { fillText, formatNumber, pick, t } from '../i18n';
import type { GoalReach } from '../state/report-model';
import { h } from './dom';
import { headRow, section, type ReportContext } from './report-layout';

/** The four goals: the table of villages reaching each, per town, then a block per goal naming them. */
export function goalsSection(c: ReportContext): HTMLElement {
  const el = section('report-goals', t(c.lang, 'reportGoalsSection'));
  el.append(goalsTable(c));
  for (const goal of c.report.goals) el.append(goalBlock(c, goal));
  return el;
}

/** Per town, how many villages reached each goal, with the county total. */
function goalsTable(c: ReportContext): HTMLElement {
  const { lang, report } = c;
  const table = h('table', 'report-table report-goals-table');
  table.id = 'report-goals';
  table.append(h('caption', 'report-caption', t(lang, 'reportGoalsCaption')));
  headRow(table, [t(lang, 'town'), t(lang, 'villageCount'), ...report.goals.map((g) => pick(g, lang))], Array.from({ length: report.goals.length + 1 }, (_, i) => i + 1));
  // The new count sits in a fixed-width slot after the number, so the numbers line up.
  const cell = (reached: number, fresh: number): HTMLTableCellElement => {
    const td = h('td', 'report-num', String(reached));
    td.append(h('span', 'report-new-count', fresh > 0 ? `(+${fresh})` : ''));
    return td;
  };
  const row = (section: HTMLTableSectionElement, name: string, villages: number, cells: HTMLTableCellElement[]): HTMLTableRowElement => {
    const tr = section.insertRow();
    const th = h('th', '', name);
    th.scope = 'row';
    tr.append(th, h('td', 'report-num', String(villages)), ...cells);
    return tr;
  };
  const body = table.createTBody();
  c.site.towns.forEach((town, i) => {
    const tr = row(body, town.name, report.goals[0]?.towns[i]?.villageCount ?? town.villageCount, report.goals.map((g) => cell(g.towns[i]?.reached.length ?? 0, g.towns[i]?.newCount ?? 0)));
    tr.dataset.code = town.code;
  });
  const total = row(table.createTFoot(), fillText(lang, 'areaTotal', { name: regionName(c.site.config.region, lang) }), c.site.villages.length, report.goals.map((g) => cell(g.reachedCount, g.newCount)));
  total.className = 'report-total';
  return table;
}

function goalBlock(c: ReportContext, goal: GoalReach): HTMLElement {
  const { lang, report } = c;
  const spec = indicatorSpec(goal.goal);
  const el = h('section', 'report-goal');
  el.dataset.goal = goal.goal;
  const heading = h('h3', 'report-subheading', pick(goal, lang));
  const target = fillText(lang, 'reportGoalTarget', { indicator: spec[lang], target: `${Math.round(goal.target * 1000) / 10}%` });
  heading.append(h('span', 'report-goal-target', fillText(lang, 'parenthetical', { text: target })));
  el.append(heading);
  if (goal.reachedCount === 0) {
    el.append(h('p', 'report-note', t(lang, 'reportGoalNone')));
    return el;
  }
  const fill = { villages: formatNumber(lang, goal.villageCount), reached: formatNumber(lang, goal.reachedCount), share: formatShare(goal.villageCount > 0 ? goal.reachedCount / goal.villageCount : null), new: formatNumber(lang, goal.newCount) };
  el.append(h('p', 'report-lead', fillText(lang, report.previousMonth === null ? 'reportGoalLeadFirst' : 'reportGoalLead', fill)));
  const list = h('dl', 'report-reach');
  for (const town of goal.towns.filter((x) => x.reached.length > 0)) {
    const dd = h('dd', '');
    town.reached.forEach((v, i) => {
      if (i > 0) dd.append(t(lang, 'reportListSeparator'));
      if (!v.isNew) dd.append(v.name);
      else {
        const strong = h('strong', 'report-new', v.name);
        strong.append(h('span', 'report-new-mark', fillText(lang, 'parenthetical', { text: t(lang, 'reportNew') })));
        dd.append(strong);
      }
    });
    const item = h('div', 'report-reach-town');
    item.dataset.code = town.code;
    item.append(h('dt', '', `${town.name} ${town.reached.length}/${town.villageCount}`), dd);
    list.append(item);
  }
  el.append(list);
  return el;
}
