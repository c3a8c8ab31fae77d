/** `#rrggbb` → [r, g, b, a] for deck.gl. */
export function hexToRgba(hex: string, alpha = 255): [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}
