import { Popup, type PositionAnchor, type Map as MapLibreMap } from 'maplibre-gl';

/** The popup's widest (its CSS max-width), in CSS pixels. */
const POPUP_MAX_WIDTH_PX = 360;
/** Room kept between the popup and the map's edge, with its tip, in CSS pixels. */
const POPUP_EDGE_PX = 24;
/** The popup is never made lower than this to fit: below it, it may run past the map's edge. */
const POPUP_MIN_HEIGHT_PX = 160;

/**
 * Where a popup goes at a point of a map of this size: above the point in the map's lower half,
 * below it in the upper half, turned aside near the left and right edges; and the height its
 * content may take there (it scrolls beyond), so a long disclosure with its photos stays on the map.
 */
export function popupFit(x: number, y: number, map: { width: number; height: number }): { anchor: PositionAnchor; maxHeightPx: number } {
  const isAbove = y > map.height / 2;
  const side = x < POPUP_MAX_WIDTH_PX / 2 ? '-left' : x > map.width - POPUP_MAX_WIDTH_PX / 2 ? '-right' : '';
  const room = (isAbove ? y : map.height - y) - POPUP_EDGE_PX;
  return { anchor: `${isAbove ? 'bottom' : 'top'}${side}` as PositionAnchor, maxHeightPx: Math.max(POPUP_MIN_HEIGHT_PX, Math.round(room)) };
}

/** One popup at a time, anchored at the project's point. */
export class ProjectPopup {
  private popup: Popup | null = null;
  constructor(
    private readonly map: MapLibreMap,
    private readonly onClose: () => void,
    private readonly closeLabel: () => string,
  ) {}

  show(lonLat: [number, number], content: HTMLElement): void {
    this.hide();
    const at = this.map.project(lonLat);
    const box = this.map.getContainer();
    const fit = popupFit(at.x, at.y, { width: box.clientWidth, height: box.clientHeight });
    const popup = new Popup({ maxWidth: `${POPUP_MAX_WIDTH_PX}px`, closeButton: true, focusAfterOpen: false, className: 'project-popup', anchor: fit.anchor }).setLngLat(lonLat).setDOMContent(content).addTo(this.map);
    // The focus goes to its ✕ at the top, as the fallback's popup does: MapLibre's own choice, the
    // first control in it, can be a photo or the link at its foot, scrolled out of the box.
    const close = popup.getElement().querySelector<HTMLElement>('.maplibregl-popup-close-button');
    close?.setAttribute('aria-label', this.closeLabel());
    close?.focus({ preventScroll: true });
    // Its side and height for where the point is now: once here, and again where the camera stops
    // when it was opened as the map flies to the project's town (a lagging project chosen in the
    // panel), or it runs off the map's foot over the time bar.
    const refit = (): void => {
      const now = this.map.project(lonLat);
      const again = popupFit(now.x, now.y, { width: box.clientWidth, height: box.clientHeight });
      // A variable, not the height itself: on a phone the stylesheet makes the popup the whole screen.
      popup.getElement().style.setProperty('--popup-max-height', `${again.maxHeightPx}px`);
      if (popup.options.anchor !== again.anchor) {
        popup.options.anchor = again.anchor;
        popup.setLngLat(lonLat);
      }
    };
    refit();
    this.map.on('moveend', refit);
    popup.on('close', () => {
      this.map.off('moveend', refit);
      if (this.popup === popup) {
        this.popup = null;
        this.onClose();
      }
    });
    this.popup = popup;
  }

  hide(): void {
    const p = this.popup;
    this.popup = null;
    p?.remove();
  }
}
