/** The export buttons: the current view as PNG at screen size (导出图片) or twice it for print (导出高清图片（2倍）). */
import './export-button.css';
import { downloadBlob } from './download';
import { fillText, t, type Lang } from '../i18n';

export interface ExportButtonDeps {
  /** Renders the current view at `scale` and names the file. */
  exportPng(scale: 1 | 2): Promise<{ blob: Blob; fileName: string }>;
  lang: Lang;
  /** Prefix of the elements' ids (`export` unless a second set is mounted, e.g. in presentation mode). */
  idPrefix?: string;
}

export interface ExportButtons {
  setLang(lang: Lang): void;
  unmount(): void;
}

/** Mounts `#export-png` and `#export-png-2x` (or the same under `idPrefix`) with a status line into `el`. */
export function mountExportButtons(el: HTMLElement, deps: ExportButtonDeps): ExportButtons {
  const prefix = deps.idPrefix ?? 'export';
  let lang = deps.lang;
  let isBusy = false;
  /** The last status, re-rendered on a language change. */
  let status: { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'error'; message: string } = { kind: 'idle' };

  const group = document.createElement('div');
  group.className = 'export-buttons';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-busy', 'false');
  const one = button(`${prefix}-png`, 1);
  const two = button(`${prefix}-png-2x`, 2);
  const line = document.createElement('span');
  line.className = 'export-status';
  line.id = `${prefix}-status`;
  line.setAttribute('role', 'status');
  line.setAttribute('aria-live', 'polite');
  group.append(one, two, line);
  el.append(group);
  render();

  function button(id: string, scale: 1 | 2): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.className = 'export-button';
    b.addEventListener('click', () => void run(scale));
    return b;
  }

  async function run(scale: 1 | 2): Promise<void> {
    if (isBusy) return;
    isBusy = true;
    status = { kind: 'busy' };
    render();
    try {
      const { blob, fileName } = await deps.exportPng(scale);
      downloadBlob(blob, fileName);
      status = { kind: 'done', file: fileName };
    } catch (e) {
      status = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
      console.error(e);
    } finally {
      isBusy = false;
      render();
    }
  }

  function render(): void {
    group.setAttribute('aria-label', t(lang, 'exportActions'));
    group.setAttribute('aria-busy', String(isBusy));
    one.textContent = t(lang, 'exportPng');
    two.textContent = t(lang, 'exportPng2x');
    for (const b of [one, two]) {
      b.title = t(lang, 'exportPngHint');
      b.disabled = isBusy;
    }
    line.classList.toggle('is-error', status.kind === 'error');
    line.textContent =
      status.kind === 'busy'
        ? t(lang, 'exportBusy')
        : status.kind === 'done'
          ? fillText(lang, 'exportDone', { file: status.file })
          : status.kind === 'error'
            ? fillText(lang, 'exportFailed', { error: status.message })
            : '';
  }

  return {
    setLang(next) {
      lang = next;
      render();
    },
    unmount() {
      group.remove();
    },
  };
}

