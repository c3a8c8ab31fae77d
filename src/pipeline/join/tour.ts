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
    const bad = (key: string, message: string): void => {
      issues.push({ file: 'atlas.config.json', row: 0, column: `tour[${i}].${key}`, level: 'error', message: `tour stop ${i + 1}: ${message}` });
    };
    if (stop.town !== null && !towns.has(stop.town)) bad('town', `town ${stop.town} is not in boundaries/towns.geojson`);
    if (stop.indicator !== null && !(INDICATOR_IDS as readonly string[]).includes(stop.indicator)) bad('indicator', `"${stop.indicator}" is not an indicator (${INDICATOR_IDS.join(', ')})`);
    if (stop.month !== null && !months.includes(stop.month)) bad('month', `${stop.month} is not a month of the data (${months[0]} to ${months[months.length - 1]})`);
  });
  return issues;
}
