import type { SiteData } from '../contract/site';
import { t, type Lang } from '../i18n';
import type { Selection } from '../state/derive';
import { regionName } from '../domain/region-name';

/** 竹溪县 › 蒋家堰镇 › 双竹村委会: each level but the last is a button that goes back up to it. */
export function mountBreadcrumb(el: HTMLElement, site: SiteData, go: (level: 'county' | 'town') => void): { update(selection: Selection, lang: Lang): void; unmount(): void } {
  const nav = document.createElement('nav');
  nav.id = 'breadcrumb';
  nav.className = 'breadcrumb';
  const list = document.createElement('ol');
  nav.append(list);
  el.append(nav);
  return {
    update(selection, lang) {
      nav.setAttribute('aria-label', t(lang, 'breadcrumb'));
      const steps: [string, 'county' | 'town' | null][] = [[regionName(site.config.region, lang), 'county']];
      if (selection.town) steps.push([selection.town.name, 'town']);
      if (selection.village) steps.push([selection.village.name, null]);
      list.replaceChildren(
        ...steps.map(([name, level], i) => {
          const li = document.createElement('li');
          if (i === steps.length - 1 || level === null) {
            const here = document.createElement('span');
            here.textContent = name;
            here.setAttribute('aria-current', 'location');
            li.append(here);
          } else {
            const b = document.createElement('button');
            b.type = 'button';
            b.textContent = name;
            b.addEventListener('click', () => go(level));
            li.append(b);
          }
          return li;
        }),
      );
    },
    unmount: () => nav.remove(),
  };
}
