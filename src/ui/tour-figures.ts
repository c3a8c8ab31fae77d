/**
 * The figures a tour stop shows large (src/ui/presentation.ts): the stop's area, its indicator's
 * value in the month, and beside it the town's village count or, for the county, its top three
 * towns; all from the view's derivation (state/derived-view.ts), formatted here.
 */
import type { SiteProjects } from '../contract/projects';
import type { SiteData } from '../contract/site';
import { formatIndicator } from '../domain/indicators';
import { monthLabel, pick, t, type Lang } from '../i18n';
import type { DerivedView } from '../state/derived-view';
import { stopPhotosOf } from '../state/project-photos';
import type { ViewedPhoto } from './photo-viewer';
import type { StopFigures } from './presentation';

/** Photos a stop shows at most: a row of a projector's column. */
const STOP_PHOTOS_MAX = 4;

/** The photos of a stop's town as of its month: each project's latest, finished projects and then the largest first; none for the county. */
export function stopPhotos(projects: SiteProjects, view: DerivedView): ViewedPhoto[] {
  const town = view.selection.town;
  if (!town) return [];
  return stopPhotosOf(projects, town.id, view.month, STOP_PHOTOS_MAX).map(({ index, photo }) => ({ photo, projectName: projects.name[index] ?? '' }));
}

/** The figures for the stop a derived view shows (its town or the county, indicator and month), in `lang`. */
export function stopFigures(site: SiteData, view: DerivedView, lang: Lang): StopFigures {
  const { spec, stop } = view;
  const town = view.selection.town;
  // The county stop ends on the ranking: its top towns.
  const top = stop.top.map((r) => ({ label: `${r.rank ?? '—'}. ${r.name}`, value: formatIndicator(spec, r.value, lang) }));
  const villages = { label: t(lang, 'villages'), value: String(town?.villageCount ?? site.villages.length) };
  return {
    townName: town?.name ?? site.config.region.name,
    indicatorName: pick(spec, lang),
    value: formatIndicator(spec, stop.value, lang),
    month: monthLabel(lang, view.month),
    extra: town ? [villages] : top,
  };
}
