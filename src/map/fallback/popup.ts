import type { MapPopup } from '../map-engine';

/**
 * The project popup over the fallback map: one box at a time, anchored at the project's point
 * (above it in the lower half of the map, below it in the upper half), kept inside the map, and
 * moved with the map when it is drawn again. Its content is the app's (the disclosure).
 */

const POPUP_MAX_WIDTH_PX = 360;
/** Room between the point and the box. */
const POPUP_GAP_PX = 12;

/** Where a point of the map is drawn now, in CSS pixels (null: not on the map). */
export type Projector = (lonLat: [number, number]) => [number, number] | null;

/** The box's left and top for a point, inside a map of this size: centred over the point, flipped below it in the upper half. */
export function popupPlacement(x: number, y: number, box: { width: number; height: number }, map: { width: number; height: number }): { left: number; top: number } {
  const isAbove = y > map.height / 2;
  const left = Math.min(Math.max(0, x - box.width / 2), Math.max(0, map.width - box.width));
  const top = isAbove ? Math.max(0, y - POPUP_GAP_PX - box.height) : Math.min(y + POPUP_GAP_PX, Math.max(0, map.height - box.height));
  return { left, top };
}

export class FallbackPopup implements MapPopup {
  private box: HTMLElement | null = null;
  private lonLat: [number, number] | null = null;

  constructor(
    private readonly layer: HTMLElement,
    private projector: Projector,
    private readonly closeLabel: () => string,
    private readonly onClose: () => void,
  ) {}

  show(lonLat: [number, number], content: HTMLElement): void {
    this.hide();
    const box = document.createElement('div');
    box.className = 'fallback-popup project-popup';
    box.setAttribute('role', 'dialog');
    Object.assign(box.style, {
      position: 'absolute',
      zIndex: '3',
      maxWidth: `min(${POPUP_MAX_WIDTH_PX}px, 100%)`,
      maxHeight: '60vh',
      overflowY: 'auto',
      background: '#ffffff',
      borderRadius: '4px',
      boxShadow: '0 1px 6px rgba(0, 0, 0, 0.3)',
      padding: '0.7rem 0.9rem',
      boxSizing: 'border-box',
    });
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'fallback-popup-close';
    close.textContent = '×';
    close.setAttribute('aria-label', this.closeLabel());
    Object.assign(close.style, { position: 'absolute', top: '0', right: '0', border: '0', background: 'none', fontSize: '1.2rem', lineHeight: '1', padding: '0.3rem 0.5rem', cursor: 'pointer' });
    close.addEventListener('click', () => {
      if (this.box !== box) return;
      this.hide();
      this.onClose();
    });
    box.append(close, content);
    this.layer.append(box);
    this.box = box;
    this.lonLat = lonLat;
    this.place(this.projector);
    close.focus({ preventScroll: true });
  }

  hide(): void {
    const box = this.box;
    this.box = null;
    this.lonLat = null;
    box?.remove();
  }

  /** Moves the box to its point as the map is drawn now (after a new frame, a resize). */
  place(projector: Projector): void {
    this.projector = projector;
    if (!this.box || !this.lonLat) return;
    const at = projector(this.lonLat);
    this.box.hidden = at === null;
    if (!at) return;
    const map = { width: this.layer.clientWidth, height: this.layer.clientHeight };
    const { left, top } = popupPlacement(at[0], at[1], { width: this.box.offsetWidth, height: this.box.offsetHeight }, map);
    this.box.style.left = `${Math.round(left)}px`;
    this.box.style.top = `${Math.round(top)}px`;
  }
}
