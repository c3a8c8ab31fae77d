/** The projects page's downloads (下载): the projects shown as CSV or GeoJSON, and the open-data files of every project. */
import { fillText, pick, t, type Lang, type Localized } from '../i18n';
import { h } from './dom';
import { button } from './projects-controls';

/** An open-data file the build publishes: its name in each language, link and file name. */
export type OpenDataLink = Localized & { href: string; fileName: string };

export interface ProjectsDownloadsDeps {
  openData: readonly OpenDataLink[];
  /** Downloads the projects shown. */
  onDownload(kind: 'csv' | 'geojson'): void;
}

/** The section; `update` labels it for the number of projects shown and those of them without a point. */
export function mountProjectsDownloads(deps: ProjectsDownloadsDeps) {
  const section = h('section', 'projects-downloads');
  section.setAttribute('aria-labelledby', 'projects-downloads-title');
  const title = h('h3', 'projects-subheading');
  title.id = 'projects-downloads-title';
  const csvButton = button('projects-csv', () => deps.onDownload('csv'));
  const geoButton = button('projects-geojson', () => deps.onDownload('geojson'));
  const buttons = h('p', 'projects-download-buttons');
  buttons.append(csvButton, geoButton);
  const geoNote = h('p', 'projects-note');
  const openTitle = h('h4', 'projects-minor-heading');
  const openList = h('ul', 'projects-open-data');
  section.append(title, buttons, geoNote, openTitle, openList);

  function update(lang: Lang, shown: number, missingPoints: number): void {
    title.textContent = t(lang, 'projectsDownloads');
    csvButton.textContent = fillText(lang, 'projectsCsv', { n: shown });
    csvButton.title = t(lang, 'projectsCsvHint');
    csvButton.disabled = shown === 0;
    geoButton.textContent = fillText(lang, 'projectsGeoJson', { n: shown });
    geoButton.disabled = shown === 0;
    openTitle.textContent = t(lang, 'projectsOpenData');
    openTitle.hidden = deps.openData.length === 0;
    openList.replaceChildren(
      ...deps.openData.map((file) => {
        const a = h('a', 'projects-file', pick(file, lang));
        a.href = file.href;
        a.download = file.fileName;
        const li = h('li', '');
        li.append(a, h('span', 'projects-file-name', file.fileName));
        return li;
      }),
    );
    geoNote.textContent = missingPoints > 0 ? fillText(lang, 'projectsGeoJsonMissing', { n: missingPoints }) : '';
    geoNote.hidden = missingPoints === 0;
  }

  return { section, update };
}
