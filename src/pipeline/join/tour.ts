import { phrase, problem, type ProblemRef } from '../../i18n/problems';
import type { AtlasConfig } from '../../contract/config';
import type { Issue } from '../../contract/issues';
import { INDICATOR_IDS } from '../../contract/site';
import type { JoinedData } from '../model';

/** Each tour stop must name a known town, indicator and month of the data; issues name the stop by number. */
export function checkTour(config: AtlasConfig, data: Pick<JoinedData, 'towns' | 'months'>): Issue[] {
  const issues: Issue[] = [];
  const towns = new Set(data.towns.map((t) => t.code));
  const { months } = data;
  config.tour.forEach((stop, i) => {
    const bad = (key: string, why: ProblemRef): void => {
      issues.push({ file: 'atlas.config.json', row: 0, column: `tour[${i}].${key}`, level: 'error', ...problem('tourStop', { stop: i + 1, problem: why }) });
    };
    if (stop.town !== null && !towns.has(stop.town)) bad('town', phrase('tourTownUnknown', { town: stop.town }));
    if (stop.indicator !== null && !(INDICATOR_IDS as readonly string[]).includes(stop.indicator)) bad('indicator', phrase('tourIndicatorUnknown', { indicator: stop.indicator, ids: INDICATOR_IDS }));
    if (stop.month !== null && !months.includes(stop.month)) bad('month', phrase('tourMonthOutside', { month: stop.month, first: String(months[0]), last: String(months[months.length - 1]) }));
  });
  return issues;
}
