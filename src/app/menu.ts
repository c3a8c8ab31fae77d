/**
 * A button that opens a panel of further controls (the disclosure pattern): the phone's masthead
 * menu and the tools menu on a wide screen. Escape closes it and gives the focus back to its
 * button; so do a click outside it and the focus leaving it; a control named by `closesOn` closes
 * it when used (a link to a view, 演示, 分享).
 */
export interface Menu {
  close(): void;
}

export function mountMenu(toggle: HTMLElement, panel: HTMLElement, options: { openClass: string; host: HTMLElement; closesOn?: string }): Menu {
  const { openClass, host, closesOn } = options;
  const isOpen = (): boolean => host.classList.contains(openClass);
  const set = (open: boolean): void => {
    host.classList.toggle(openClass, open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => set(!isOpen()));
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !isOpen()) return;
    // The map's and the page's own Escape (go up a level, leave the tour) are not for this press.
    e.stopPropagation();
    set(false);
    toggle.focus();
  });
  toggle.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isOpen()) {
      e.stopPropagation();
      set(false);
    }
  });
  document.addEventListener('pointerdown', (e) => {
    if (isOpen() && e.target instanceof Node && !panel.contains(e.target) && !toggle.contains(e.target)) set(false);
  });
  const onFocusOut = (e: FocusEvent): void => {
    const next = e.relatedTarget;
    if (isOpen() && next instanceof Node && !panel.contains(next) && !toggle.contains(next)) set(false);
  };
  panel.addEventListener('focusout', onFocusOut);
  toggle.addEventListener('focusout', onFocusOut);
  if (closesOn) {
    panel.addEventListener('click', (e) => {
      if (e.target instanceof Element && e.target.closest(closesOn)) set(false);
    });
  }
  return { close: () => set(false) };
}
