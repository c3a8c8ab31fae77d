/**
 * The page's views as links (地图 · 项目公示 · 月度通报 · 关于): real links to `#view=…` with the rest
 * of the view kept, so they open in a new tab and read as navigation to a screen reader; the
 * current one is marked aria-current="page".
 */
import { serializeViewState, type ViewName, type ViewState } from '../state/view-state';
import { t, type StringKey } from '../i18n';

/** A view to link to, and its label's key in the catalogues. */
export interface ViewLink {
  view: ViewName;
  label: StringKey;
}

export interface ViewNav {
  update(state: ViewState): void;
}

/** Mounts the links, in the order given, into `el` (a <nav>); a plain click goes through `onView`, so the store sets the hash. */
export function mountViewNav(el: HTMLElement, views: readonly ViewLink[], onView: (view: ViewName) => void): ViewNav {
  const list = document.createElement('ul');
  list.className = 'view-nav-list';
  const links = views.map(({ view, label }) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.className = 'view-nav-link';
    a.dataset.view = view;
    a.addEventListener('click', (e) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      onView(view);
    });
    li.append(a);
    list.append(li);
    return { view, label, a };
  });
  el.append(list);
  return {
    update(state) {
      el.setAttribute('aria-label', t(state.lang, 'pages'));
      for (const { view, label, a } of links) {
        a.textContent = t(state.lang, label);
        a.href = serializeViewState({ ...state, view, tour: null }) || '#';
        if (view === state.view) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
    },
  };
}
