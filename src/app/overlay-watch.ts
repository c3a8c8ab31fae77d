/**
 * What floats over the map changes size (the legend unfolds, the controls wrap, the time bar
 * appears, the phone's sheet or the window resizes): the map frames its area again to keep it
 * clear (MapEngine.refit), once per frame of the page however many changed.
 */
const WATCHED_IDS = ['controls-slot', 'time-slot', 'legend', 'panel'];

/** Calls `onChange` (at most once per animation frame) when the map or an overlay changes size. */
export function watchOverlays(container: HTMLElement, onChange: () => void): void {
  if (typeof ResizeObserver !== 'function') return;
  let isQueued = false;
  let isFirst = true;
  const observer = new ResizeObserver(() => {
    // The first call reports the sizes as they were when observed: nothing has changed yet.
    if (isFirst) {
      isFirst = false;
      return;
    }
    if (isQueued) return;
    isQueued = true;
    requestAnimationFrame(() => {
      isQueued = false;
      onChange();
    });
  });
  observer.observe(container);
  for (const id of WATCHED_IDS) {
    const el = document.getElementById(id);
    if (el) observer.observe(el);
  }
}
