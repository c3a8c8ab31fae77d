/**
 * The fallback map is built as a tree of plain objects first (pure, testable in Node), then either
 * serialized to SVG text (for the PNG through a canvas, and for tests) or turned into DOM nodes.
 * Every visual property is an attribute, never a CSS class, so the text alone draws the same map.
 */

/** Attribute values; null or undefined leaves the attribute out. */
export type SvgAttrs = Readonly<Record<string, string | number | null | undefined>>;

/** One SVG element: its tag, attributes, and either child elements or text. */
export interface SvgNode {
  tag: string;
  attrs: SvgAttrs;
  children: readonly SvgNode[];
  /** Text content (a label, a title); drawn through textContent in the DOM. */
  text?: string;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An element with attributes and children (or text). */
export function h(tag: string, attrs: SvgAttrs = {}, children: readonly SvgNode[] | string = []): SvgNode {
  return typeof children === 'string' ? { tag, attrs, children: [], text: children } : { tag, attrs, children };
}

/** Numbers written with at most two decimals: positions are CSS pixels, finer is invisible. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an XML attribute or element. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

function attrText(attrs: SvgAttrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`;
  }
  return out;
}

/** The tree as SVG markup; the root gets the SVG namespace so the text stands alone as an image. */
export function serializeSvg(node: SvgNode, isRoot = true): string {
  const attrs = isRoot && node.tag === 'svg' && node.attrs.xmlns === undefined ? { xmlns: SVG_NS, ...node.attrs } : node.attrs;
  const open = `<${node.tag}${attrText(attrs)}`;
  if (node.text !== undefined) return `${open}>${escapeXml(node.text)}</${node.tag}>`;
  if (node.children.length === 0) return `${open}/>`;
  return `${open}>${node.children.map((c) => serializeSvg(c, false)).join('')}</${node.tag}>`;
}

/** The tree as DOM nodes of `doc`; text through textContent, never markup. */
export function toDom(node: SvgNode, doc: Document): SVGElement {
  const el = doc.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === null || value === undefined || name === 'xmlns') continue;
    el.setAttribute(name, typeof value === 'number' ? num(value) : value);
  }
  if (node.text !== undefined) el.textContent = node.text;
  else for (const c of node.children) el.append(toDom(c, doc));
  return el;
}

/** Every node of the tree, depth first (for tests and lookups). */
export function* walk(node: SvgNode): Generator<SvgNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}
