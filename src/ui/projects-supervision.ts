/** The projects page's supervision box (监督举报): the national hotline, and the hotlines of the projects shown with their units. */
import { fillText, t, type Lang } from '../i18n';
import { hotlinesOf, type ProjectRow } from '../state/projects-table';
import { h } from './dom';
import { telLink } from './projects-controls';

/** The national poverty-alleviation supervision hotline (全国扶贫监督举报电话). */
const NATIONAL_HOTLINE = '12317';
/** Units named beside a hotline; the rest are counted. */
const UNITS_SHOWN = 3;

/** The box; `update` fills it for the rows shown. */
export function mountProjectsSupervision() {
  const box = h('aside', 'projects-supervision');
  box.id = 'projects-supervision';
  box.setAttribute('aria-labelledby', 'projects-supervision-title');
  // Whether the list of hotlines is unfolded: kept across renders.
  let isOpen = false;

  function update(lang: Lang, shown: readonly ProjectRow[]): void {
    const heading = h('h3', 'projects-subheading', t(lang, 'projectsSupervision'));
    heading.id = 'projects-supervision-title';
    const national = h('p', 'projects-national');
    const number = telLink(NATIONAL_HOTLINE, 'projects-national-number');
    national.append(h('span', 'projects-national-label', t(lang, 'projectsNationalHotline')), number);
    const lines = hotlinesOf(shown);
    if (lines.length === 0) {
      box.replaceChildren(heading, national, h('p', 'projects-note', t(lang, 'projectsNoHotlines')));
      return;
    }
    // Folded: with the whole county shown the list is long; its summary says how many.
    const details = h('details', 'projects-hotline-details');
    details.open = isOpen;
    details.addEventListener('toggle', () => (isOpen = details.open));
    const list = h('ul', 'projects-hotlines');
    for (const line of lines) {
      const units = line.units.slice(0, UNITS_SHOWN).join(t(lang, 'reportListSeparator'));
      const more = line.units.length > UNITS_SHOWN ? fillText(lang, 'projectsUnitsMore', { n: line.units.length - UNITS_SHOWN }) : '';
      const li = h('li', '');
      li.append(telLink(line.hotline, 'projects-tel'), h('span', 'projects-hotline-units', `${units}${more}`));
      list.append(li);
    }
    details.append(h('summary', 'projects-hotline-summary', fillText(lang, 'projectsHotlines', { n: lines.length })), list);
    box.replaceChildren(heading, national, details);
  }

  return { box, update };
}
