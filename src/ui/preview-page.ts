/**
 * 数据检查与预览 (view=check): a county clerk chooses or drops a dataset folder; the same pipeline
 * as `npm run data:check` runs over it in a Web Worker, every problem is listed by file, row and
 * column, and when it builds, the atlas shows the result in a frame marked 预览. Nothing is uploaded:
 * the files go from the disk to the worker and back to this page.
 */
import './preview-page.css';
import { issueText, type Issue } from '../contract/issues';
import { problemText } from '../i18n/problems';
import { PREVIEW_DATA, PREVIEW_READY, type AnnotateMessage, type AnnotateRequest, type BuildMessage, type BuildRequest } from '../preview/protocol';
import type { ViewState } from '../state/view-state';
import { toCsv, withBom } from '../domain/csv';
import { fillText, t, type Lang } from '../i18n';
import { downloadBlob } from './download';
import { h } from './dom';
import { fromDrop, fromInput, type Picked } from './preview-files';

/** The largest file read (as the CLI): beyond it is a mistake, refused before it is read. */
const MAX_FILE_BYTES = 1024 ** 3;
/** Problems listed on the page; beyond it they are counted, and all of them download as CSV. */
const ISSUES_LISTED = 1000;

export interface PreviewPage {
  update(state: ViewState): void;
}


export function mountPreviewPage(el: HTMLElement, deps: { isPublic: boolean }): PreviewPage {
  let lang: Lang = 'zh';
  let last: Extract<BuildMessage, { kind: 'done' }> | null = null;
  /** The files of the last check, read again for the annotated workbook (the build's copies went to its worker). */
  let lastPicked: Picked[] = [];
  let worker: Worker | null = null;

  const root = h('article', 'preview-page');
  root.id = 'preview-page';
  root.setAttribute('aria-labelledby', 'preview-title');
  const title = h('h2', 'preview-title');
  title.id = 'preview-title';
  const intro = h('p', 'preview-intro');
  const privacy = h('p', 'preview-privacy');
  const template = h('a', 'preview-template');
  template.id = 'preview-template';
  template.href = 'templates/cunhu-template.xlsx';
  template.download = 'cunhu-template.xlsx';
  const templateLine = h('p', 'preview-template-line');
  templateLine.append(template);

  const zone = h('div', 'preview-drop');
  zone.id = 'preview-drop';
  const zoneText = h('p', 'preview-drop-text');
  const folderInput = document.createElement('input');
  folderInput.type = 'file';
  folderInput.id = 'preview-folder';
  folderInput.multiple = true;
  folderInput.setAttribute('webkitdirectory', '');
  const folderLabel = h('label', 'preview-button');
  folderLabel.htmlFor = folderInput.id;
  const filesInput = document.createElement('input');
  filesInput.type = 'file';
  filesInput.id = 'preview-files';
  filesInput.multiple = true;
  filesInput.accept = '.csv,.xlsx,.xls,.et,.geojson,.json,.txt';
  const filesLabel = h('label', 'preview-button');
  filesLabel.htmlFor = filesInput.id;
  for (const input of [folderInput, filesInput]) input.className = 'visually-hidden';
  zone.append(zoneText, folderInput, folderLabel, filesInput, filesLabel);

  const status = h('div', 'preview-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const bar = document.createElement('progress');
  bar.id = 'preview-progress';
  bar.hidden = true;
  const statusText = h('p', 'preview-status-text');
  statusText.id = 'preview-status-text';
  status.append(bar, statusText);

  const results = h('section', 'preview-results');
  results.id = 'preview-results';
  results.hidden = true;
  const frameWrap = h('section', 'preview-frame-wrap');
  frameWrap.hidden = true;
  const frameTitle = h('h3', 'preview-subheading');
  const frame = document.createElement('iframe');
  frame.id = 'preview-frame';
  frame.className = 'preview-frame';
  frameWrap.append(frameTitle, frame);

  root.append(title, intro, privacy, templateLine, zone, status, results, frameWrap);
  el.append(root);

  folderInput.addEventListener('change', () => void check(fromInput(folderInput)));
  filesInput.addEventListener('change', () => void check(fromInput(filesInput)));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('is-over');
    void fromDrop(e.dataTransfer).then(check);
  });
  window.addEventListener('message', (e) => {
    if (e.origin !== location.origin || e.source !== frame.contentWindow || (e.data as { kind?: string } | null)?.kind !== PREVIEW_READY || !last?.outputs) return;
    frame.contentWindow?.postMessage({ kind: PREVIEW_DATA, files: last.outputs }, location.origin);
  });

  function render(): void {
    title.textContent = t(lang, 'previewTitle');
    intro.textContent = t(lang, 'previewIntro');
    privacy.textContent = t(lang, 'previewPrivacy');
    template.textContent = t(lang, 'previewTemplate');
    zoneText.textContent = t(lang, 'previewDrop');
    folderLabel.textContent = t(lang, 'previewChooseFolder');
    filesLabel.textContent = t(lang, 'previewChooseFiles');
    frameTitle.textContent = t(lang, 'previewFrameTitle');
    frame.title = t(lang, 'previewFrameTitle');
    if (last) showResults(last);
  }

  async function check(picked: Picked[]): Promise<void> {
    if (picked.length === 0) return;
    const tooBig = picked.find((p) => p.file.size > MAX_FILE_BYTES);
    results.hidden = true;
    frameWrap.hidden = true;
    last = null;
    if (tooBig) {
      statusText.textContent = fillText(lang, 'previewTooBig', { file: tooBig.path, size: (tooBig.file.size / 1024 ** 3).toFixed(1) });
      return;
    }
    bar.hidden = false;
    bar.removeAttribute('value');
    statusText.textContent = fillText(lang, 'previewReading', { n: picked.length });
    root.setAttribute('aria-busy', 'true');
    lastPicked = picked;
    const files: Record<string, ArrayBuffer> = {};
    for (const p of picked) files[p.path] = await p.file.arrayBuffer();
    worker?.terminate();
    worker = new Worker(new URL('../preview/build-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<BuildMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') {
        bar.max = m.total;
        bar.value = m.done;
        statusText.textContent = fillText(lang, 'previewChecking', { file: m.step });
        return;
      }
      bar.hidden = true;
      root.removeAttribute('aria-busy');
      worker?.terminate();
      worker = null;
      if (m.kind === 'failed') {
        statusText.textContent = fillText(lang, 'previewFailed', { message: m.message });
        return;
      }
      last = m;
      showResults(m);
    });
    const request: BuildRequest = { files, isPublic: deps.isPublic };
    worker.postMessage(request, Object.values(files));
  }

  function showResults(m: Extract<BuildMessage, { kind: 'done' }>): void {
    statusText.textContent = m.fatal ? problemText(lang, m.fatal) : fillText(lang, m.errorCount > 0 ? 'previewHasErrors' : 'previewBuilt', { errors: m.errorCount, warnings: m.warningCount });
    results.hidden = false;
    results.replaceChildren(h('h3', 'preview-subheading', t(lang, 'previewFiles')), filesTable(m), h('h3', 'preview-subheading', fillText(lang, 'previewProblems', { n: m.issues.length })), issuesTable(m.issues));
    if (m.issues.length > 0) results.append(annotateButton(m.issues));
    frameWrap.hidden = m.outputs === null;
    if (m.outputs) frame.src = `${location.pathname}?preview=1#lang=${lang}`;
  }

  function filesTable(m: Extract<BuildMessage, { kind: 'done' }>): HTMLElement {
    const table = h('table', 'preview-table');
    table.id = 'preview-files-table';
    table.append(h('caption', 'visually-hidden', t(lang, 'previewFiles')));
    const head = h('tr', '');
    for (const key of ['previewFile', 'previewRead', 'previewUsed', 'previewRejected', 'previewSkipped', 'previewEncoding'] as const) head.append(th(t(lang, key)));
    const thead = h('thead', '');
    thead.append(head);
    const body = h('tbody', '');
    for (const [file, r] of Object.entries(m.rows)) {
      const tr = h('tr', '');
      tr.append(th(file, 'row'), td(String(r.read)), td(String(r.used)), td(String(r.rejected)), td(String(r.skipped)), td(r.encoding ?? '—'));
      body.append(tr);
    }
    table.append(thead, body);
    return table;
  }

  function issuesTable(issues: readonly Issue[]): HTMLElement {
    if (issues.length === 0) return h('p', 'preview-none', t(lang, 'previewNoProblems'));
    if (issues.length <= ISSUES_LISTED) return issueRows(issues);
    // A ledger with a problem on every row can hold hundreds of thousands: the page lists the
    // first ones (errors first) and hands over the whole list as a file for the spreadsheet.
    const wrap = h('div', 'preview-issues-wrap');
    const note = h('p', 'preview-more', fillText(lang, 'previewIssuesShown', { shown: ISSUES_LISTED, n: issues.length }));
    const download = h('button', 'preview-download', t(lang, 'previewIssuesDownload'));
    download.type = 'button';
    download.addEventListener('click', () => downloadIssues(issues));
    note.append(' ', download);
    const errorsFirst = [...issues.filter((i) => i.level === 'error').slice(0, ISSUES_LISTED), ...issues.filter((i) => i.level !== 'error').slice(0, ISSUES_LISTED)].slice(0, ISSUES_LISTED);
    wrap.append(note, issueRows(errorsFirst));
    return wrap;
  }

  /** 下载标出问题的工作簿: the clerk's workbook (or the tables as one) with every problem on its cell, made in a worker (src/preview/annotate-worker.ts). */
  function annotateButton(issues: Issue[]): HTMLElement {
    const wrap = h('p', 'preview-annotate');
    const button = h('button', 'preview-download', t(lang, 'previewAnnotate'));
    button.type = 'button';
    button.id = 'preview-annotate';
    const state = h('span', 'preview-annotate-state');
    state.setAttribute('role', 'status');
    button.addEventListener('click', () => {
      void (async () => {
        button.disabled = true;
        state.textContent = t(lang, 'previewAnnotating');
        const files: Record<string, ArrayBuffer> = {};
        for (const p of lastPicked) files[p.path] = await p.file.arrayBuffer();
        const annotator = new Worker(new URL('../preview/annotate-worker.ts', import.meta.url), { type: 'module' });
        annotator.addEventListener('message', (e: MessageEvent<AnnotateMessage>) => {
          annotator.terminate();
          button.disabled = false;
          state.textContent = e.data.kind === 'failed' ? fillText(lang, 'previewFailed', { message: e.data.message }) : '';
          if (e.data.kind === 'annotated') downloadBlob(new Blob([e.data.bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), t(lang, 'previewAnnotateFile'));
        });
        const request: AnnotateRequest = { files, issues, lang };
        annotator.postMessage(request, Object.values(files));
      })();
    });
    wrap.append(button, ' ', state);
    return wrap;
  }

  function downloadIssues(issues: readonly Issue[]): void {
    const header = (['previewFile', 'previewRow', 'previewColumn', 'previewLevel', 'previewMessage'] as const).map((k) => t(lang, k));
    const rows = issues.map((i) => [i.file, i.row > 0 ? i.row : '', i.column, t(lang, i.level === 'error' ? 'previewError' : 'previewWarning'), issueText(lang, i)]);
    downloadBlob(new Blob([withBom(toCsv([header, ...rows]))], { type: 'text/csv;charset=utf-8' }), t(lang, 'previewIssuesFile'));
  }

  function issueRows(issues: readonly Issue[]): HTMLElement {
    const table = h('table', 'preview-table');
    table.id = 'preview-issues';
    table.append(h('caption', 'visually-hidden', t(lang, 'previewProblemsCaption')));
    const head = h('tr', '');
    for (const key of ['previewFile', 'previewRow', 'previewColumn', 'previewLevel', 'previewMessage'] as const) head.append(th(t(lang, key)));
    const thead = h('thead', '');
    thead.append(head);
    const body = h('tbody', '');
    for (const issue of issues) {
      const tr = h('tr', `preview-issue is-${issue.level}`);
      tr.append(td(issue.file), td(issue.row > 0 ? String(issue.row) : '—'), td(issue.column || '—'), td(t(lang, issue.level === 'error' ? 'previewError' : 'previewWarning')), td(issueText(lang, issue)));
      body.append(tr);
    }
    table.append(thead, body);
    return table;
  }

  return {
    update(state) {
      if (state.view !== 'check') return;
      if (state.lang === lang && title.textContent) return;
      lang = state.lang;
      render();
    },
  };
}

function th(text: string, scope: 'col' | 'row' = 'col'): HTMLTableCellElement {
  const cell = h('th', '', text);
  cell.scope = scope;
  return cell;
}

function td(text: string): HTMLTableCellElement {
  return h('td', '', text);
}
