/** The area panel's indicators: the four goals (figure, sparkline, bar) and the other figures with the unevenness of the area's parts. */
import type { GoalId } from '../contract/config';
import { formatPoints } from '../domain/format';
import { INDICATORS, formatIndicator, indicatorSpec, type IndicatorSpec } from '../domain/indicators';
import { UNITS } from '../domain/units';
import { fillText, monthLabel, pick, t } from '../i18n';
import { h } from './dom';
import { areaValue, count, meter, section, type PanelContext } from './panel-context';
import { sparkline } from './sparkline';

/** Goal sparklines, in px: small enough to sit beside the figure in a two-column grid. */
const SPARK_WIDTH_PX = 64;
const SPARK_HEIGHT_PX = 28;

/** The four goals in the config's order (their indicators' `panel` is 'goals'): each figure with its sparkline and a bar. */
export function goals(c: PanelContext): HTMLElement {
  const { el } = section(c, 'goals', 'goals');
  const list = h('ul', 'panel-goals');
  for (const goal of c.site.config.goals) {
    const spec = indicatorSpec(goal.id);
    const value = areaValue(c, goal.id);
    const isEstimated = c.site.estimated.includes(goal.id);
    const item = h('li', 'panel-goal');
    const slogan = pick(goal, c.lang);
    const figure = h('p', 'panel-goal-figure');
    const number = h('span', 'panel-goal-value', formatIndicator(spec, value, c.lang));
    number.dataset.indicator = goal.id;
    number.dataset.value = value === null ? '' : String(value);
    figure.append(number, goalSparkline(c, goal.id, spec, slogan));
    if (value === null) figure.append(h('span', 'panel-badge panel-badge--nodata', t(c.lang, 'noData')));
    if (isEstimated) {
      const badge = h('span', 'panel-badge panel-badge--estimate', t(c.lang, 'estimated'));
      badge.title = t(c.lang, 'estimatedNote');
      figure.append(badge);
    }
    item.append(h('p', 'panel-goal-slogan', slogan), figure, meter(UNITS[spec.unit], value, `${slogan}：${spec[c.lang]}`, c.lang), h('p', 'panel-goal-name', spec[c.lang]));
    list.append(item);
  }
  el.append(list);
  return el;
}

/** The indicators whose `panel` is 'figures', the count of lagging projects and, above a village, the unevenness of completion. */
export function otherIndicators(c: PanelContext): HTMLElement {
  const { el } = section(c, 'other', 'otherIndicators');
  const dl = h('dl', 'panel-stats');
  for (const spec of INDICATORS.filter((s) => s.panel === 'figures')) {
    const id = spec.id;
    const value = areaValue(c, id);
    const dd = h('dd', value === null ? 'panel-nodata' : '', formatIndicator(spec, value, c.lang));
    dd.dataset.indicator = id;
    dd.dataset.value = value === null ? '' : String(value);
    if (value === null) dd.append(h('span', 'panel-badge panel-badge--nodata', t(c.lang, 'noData')));
    dl.append(h('dt', '', spec[c.lang]), dd);
  }
  const lagging = areaValue(c, 'laggingProjects');
  dl.append(h('dt', '', t(c.lang, 'laggingProjects')), h('dd', lagging === null ? 'panel-nodata' : '', lagging === null ? '—' : count(c.lang, lagging, 'itemsUnit')));
  el.append(dl);
  if (!c.sel.village) {
    // 进度不均: how far apart the parts of the area are in completion (the May 2016 report's word).
    const spread = c.figures.unevennessPoints;
    const dt = h('dt', '', t(c.lang, 'unevenness'));
    const dd = h('dd', spread === null ? 'panel-nodata' : '', formatPoints(spread, c.lang));
    dd.dataset.figure = 'unevenness';
    dd.dataset.value = spread === null ? '' : String(spread);
    dl.append(dt, dd);
    el.append(h('p', 'panel-note', `${t(c.lang, 'unevenness')}${t(c.lang, 'colon')}${t(c.lang, c.sel.town ? 'unevennessVillages' : 'unevennessTowns')}`));
  }
  return el;
}

/** The goal over every month for the area, the shown month marked; on its unit's fixed range (a share's 0–100%). */
function goalSparkline(c: PanelContext, goal: GoalId, spec: IndicatorSpec, slogan: string): HTMLElement {
  const first = c.site.months[0];
  const last = c.site.months[c.site.months.length - 1];
  const unit = UNITS[spec.unit];
  const svg = sparkline(c.figures.goalSeries[goal], {
    width: SPARK_WIDTH_PX,
    height: SPARK_HEIGHT_PX,
    highlightIndex: c.m,
    ...(unit.range ? { min: unit.range[0], max: unit.range[1] } : {}),
    format: (v) => unit.format(v, c.lang),
    label: first === undefined || last === undefined ? slogan : fillText(c.lang, 'sparklineOf', { goal: slogan, first: monthLabel(c.lang, first), last: monthLabel(c.lang, last) }),
  });
  svg.dataset.sparkline = spec.id;
  const wrap = h('span', 'panel-goal-spark');
  wrap.append(svg);
  return wrap;
}
