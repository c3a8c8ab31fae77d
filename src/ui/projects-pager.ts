/** The projects table's pager: previous, the first and last pages, a few either side of the current one, next. */
import { fillText, t, type Lang } from '../i18n';
import { h } from './dom';
import { button } from './projects-controls';

/** Page buttons shown either side of the current page. */
const PAGER_REACH = 2;

/** Fills `pager` for page `page` of `pages` (hidden when there is one page); `go` is called with the page chosen. */
export function renderPager(pager: HTMLElement, lang: Lang, page: number, pages: number, go: (page: number) => void): void {
  pager.hidden = pages <= 1;
  if (pages <= 1) {
    pager.replaceChildren();
    return;
  }
  const items: HTMLElement[] = [];
  const prev = button('', () => go(page - 1));
  prev.textContent = `‹ ${t(lang, 'projectsPrevious')}`;
  prev.disabled = page === 1;
  items.push(prev);
  let last = 0;
  for (let n = 1; n <= pages; n++) {
    if (n !== 1 && n !== pages && Math.abs(n - page) > PAGER_REACH) continue;
    if (n - last > 1) items.push(h('span', 'projects-gap', '…'));
    last = n;
    const b = button('', () => go(n));
    b.textContent = String(n);
    b.setAttribute('aria-label', fillText(lang, 'projectsPageN', { n }));
    if (n === page) b.setAttribute('aria-current', 'page');
    items.push(b);
  }
  const next = button('', () => go(page + 1));
  next.textContent = `${t(lang, 'projectsNext')} ›`;
  next.disabled = page === pages;
  items.push(next);
  for (const item of items) if (item instanceof HTMLButtonElement) item.className = 'projects-button projects-page-button';
  pager.replaceChildren(...items);
}
