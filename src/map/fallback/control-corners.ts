import type { ControlCorner, MapControl } from '../map-engine';

const CORNERS: readonly ControlCorner[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];

/**
 * The four corners of the fallback map that hold its widgets (the legend), as the live map's
 * control containers: stacked from the corner inwards, over the map, clear of its edge.
 */
export class ControlCorners {
  private readonly corners = new Map<ControlCorner, HTMLElement>();
  private readonly controls: MapControl[] = [];

  constructor(container: HTMLElement) {
    for (const corner of CORNERS) {
      const el = document.createElement('div');
      el.className = `fallback-ctrl-${corner}`;
      const [vertical, horizontal] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
      Object.assign(el.style, {
        position: 'absolute',
        [vertical]: '0',
        [horizontal]: '0',
        zIndex: '2',
        margin: '10px',
        display: 'flex',
        flexDirection: vertical === 'top' ? 'column' : 'column-reverse',
        gap: '10px',
        alignItems: horizontal === 'left' ? 'flex-start' : 'flex-end',
      });
      container.append(el);
      this.corners.set(corner, el);
    }
  }

  add(control: MapControl, corner: ControlCorner): void {
    this.corners.get(corner)?.append(control.onAdd());
    this.controls.push(control);
  }

  /** Removes every widget (each told so) and the corners. */
  remove(): void {
    for (const c of this.controls.splice(0)) c.onRemove();
    for (const el of this.corners.values()) el.remove();
  }
}
