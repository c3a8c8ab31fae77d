/**
 * The 分享 (share) dialog: the current view's link, a button that copies it and its QR code, large
 * enough to scan from a projected screen, so people in a meeting open the same view on their phones.
 * A native modal <dialog> (focus stays in it, Escape closes it). The QR code is drawn in the page by
 * uqr (qr-svg.ts), loaded when the dialog first opens, so the first view's code does not carry it.
 */
import { fillText, t, type Lang } from '../i18n';
import { h } from './dom';
import { qrSvg } from './qr-svg';
import './share.css';

export interface ShareDeps {
  /** The link to share: the page's own address with the view in its hash. */
  getUrl(): string;
  /** What the page shows (its title), written above the link. */
  getTitle(): string;
  /**
   * Where the link opens: on any device (`anywhere`); on this computer only, as the page is served
   * from it (`this-computer`: 127.0.0.1, a note under the QR code); nowhere else, as the page is a file
   * (`file`: the meeting package, the check view's preview; no QR code).
   */
  reach: LinkReach;
}

/** Where a page's link opens (ShareDeps.reach). */
export type LinkReach = 'anywhere' | 'this-computer' | 'file';

export interface ShareControl {
  /** Writes the dialog, when it is open, in a language (the masthead writes the button). */
  setLang(lang: Lang): void;
}

/** Binds the 分享 button: a click opens the dialog for the page as it is then. */
export function mountShare(button: HTMLElement, deps: ShareDeps, lang: Lang): ShareControl {
  let current = lang;
  let dialog: ShareDialog | null = null;
  button.addEventListener('click', () => {
    dialog ??= createDialog(deps, button);
    dialog.open(current);
  });
  const setLang = (next: Lang): void => {
    current = next;
    if (dialog?.isOpen()) dialog.render(next);
  };
  return { setLang };
}

interface ShareDialog {
  open(lang: Lang): void;
  isOpen(): boolean;
  render(lang: Lang): void;
}

/** Builds the dialog (once, on the first click) and appends it to the page. */
function createDialog(deps: ShareDeps, button: HTMLElement): ShareDialog {
  const dialog = h('dialog', 'share-dialog');
  dialog.id = 'share-dialog';
  dialog.setAttribute('aria-labelledby', 'share-heading');
  const heading = h('h2', 'share-heading');
  heading.id = 'share-heading';
  const close = h('button', 'share-close');
  close.type = 'button';
  const head = h('div', 'share-head');
  head.append(heading, close);
  const what = h('p', 'share-what');
  const link = h('input', 'share-link');
  link.type = 'text';
  link.readOnly = true;
  link.id = 'share-link';
  const copy = h('button', 'share-copy');
  copy.type = 'button';
  // The dialog opens on its main action: Enter copies the link.
  copy.autofocus = true;
  const row = h('div', 'share-link-row');
  row.append(link, copy);
  const status = h('p', 'share-status');
  status.setAttribute('role', 'status');
  const qr = h('figure', 'share-qr');
  const code = h('div', 'share-qr-code');
  code.setAttribute('role', 'img');
  const caption = h('figcaption', 'share-qr-caption');
  const hint = h('span', 'share-qr-hint');
  const printed = h('span', 'share-qr-link');
  caption.append(hint, printed);
  qr.append(code, caption);
  const local = h('p', 'share-local');
  // A file's link opens nowhere else: a note instead of the QR code. A link to this computer: a note above it.
  dialog.append(head, what, row, status, ...(deps.reach === 'file' ? [local] : deps.reach === 'this-computer' ? [local, qr] : [qr]));
  document.body.append(dialog);

  let lang: Lang = 'zh';
  /** The link the QR code drawn (or being drawn) holds, so a late import does not draw an old one. */
  let drawnUrl = '';

  const render = (next: Lang): void => {
    lang = next;
    heading.textContent = t(lang, 'shareTitle');
    close.textContent = t(lang, 'close');
    link.setAttribute('aria-label', t(lang, 'shareLinkLabel'));
    copy.textContent = t(lang, 'shareCopy');
    hint.textContent = t(lang, 'shareQrHint');
    code.setAttribute('aria-label', t(lang, 'shareQrLabel'));
    local.textContent = deps.reach === 'file' ? t(lang, 'shareLocalCopy') : fillText(lang, 'shareThisComputer', { host: hostOf(link.value) });
  };

  close.addEventListener('click', () => dialog.close());
  // The browser gives focus back to the 分享 button; when a menu that held it has closed, focus would stay in the closed dialog.
  dialog.addEventListener('close', () => {
    const focused = document.activeElement;
    if (focused === null || focused === document.body || dialog.contains(focused)) returnFocus(button);
  });
  // Keys in the dialog are its own: Escape closes it without also stepping the map up a level, and a clicker's keys do not turn the tour behind it.
  dialog.addEventListener('keydown', (e) => e.stopPropagation());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (e) => {
    const box = dialog.getBoundingClientRect();
    const isInside = e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
    if (e.target === dialog && !isInside) dialog.close();
  });
  copy.addEventListener('click', () => {
    void copyLink(link.value).then((isCopied) => {
      status.textContent = t(lang, isCopied ? 'shareCopied' : 'shareCopyByHand');
      if (!isCopied) {
        link.focus();
        link.select();
      }
    });
  });

  return {
    isOpen: () => dialog.open,
    render,
    open(next) {
      const url = deps.getUrl();
      link.value = url;
      render(next);
      what.textContent = deps.getTitle();
      printed.textContent = url;
      status.textContent = '';
      if (!dialog.open) dialog.showModal();
      if (deps.reach !== 'file' && url !== drawnUrl) {
        drawnUrl = url;
        code.replaceChildren();
        code.setAttribute('aria-busy', 'true');
        // Level M (15 % recovery): a phone still reads it past a projector's blur or a glare spot.
        void qrSvg(url, 'M')
          .then((svg) => {
            if (drawnUrl !== url) return;
            code.replaceChildren(svg);
            code.setAttribute('aria-busy', 'false');
          })
          .catch((e: unknown) => {
            drawnUrl = '';
            console.error(e);
          });
      }
    },
  };
}

/** Focuses the 分享 button or, when it is in a closed menu, the visible button that opens that menu (its aria-controls). */
function returnFocus(button: HTMLElement): void {
  for (let el: HTMLElement | null = button; el; el = el.parentElement) {
    const opener = el === button ? button : el.id === '' ? null : document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(el.id)}"]`);
    if (opener && opener.getClientRects().length > 0) {
      opener.focus();
      return;
    }
  }
}

/** The host (and port) of a link, as its note names it. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Copies a text to the clipboard; false when the page may not (no permission, or not a secure page). */
async function copyLink(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
