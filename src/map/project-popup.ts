import { Popup, type Map as MapLibreMap } from 'maplibre-gl';

/** One popup at a time, anchored at the project's point. */
export class ProjectPopup {
  private popup: Popup | null = null;
  constructor(
    private readonly map: MapLibreMap,
    private readonly onClose: () => void,
  ) {}

  show(lonLat: [number, number], content: HTMLElement): void {
    this.hide();
    const popup = new Popup({ maxWidth: '360px', closeButton: true, focusAfterOpen: true, className: 'project-popup' }).setLngLat(lonLat).setDOMContent(content).addTo(this.map);
    popup.on('close', () => {
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
