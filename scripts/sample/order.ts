/** Orders strings by UTF-16 code units: unlike localeCompare, the same on every machine and ICU build. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
