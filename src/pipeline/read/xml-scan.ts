/**
 * A forward-only XML scanner for the few, simple parts of a workbook: tags, text and CDATA one at
 * a time, comments, processing instructions and doctypes skipped. Every step moves forward and
 * every search starts where the last ended, so any input, however broken, is scanned in time
 * linear in its length; a tag, comment or CDATA section that never closes stops the scan with a
 * `problem`, never a throw. It is not a validating parser: it does not check that tags nest.
 */
import { phrase, type ProblemRef } from '../../i18n/problems';

export type XmlTokenKind = 'open' | 'close' | 'text' | 'cdata';

/** Character codes the scanner compares against. */
const Char = {
  Tab: 9,
  LineFeed: 10,
  Return: 13,
  Space: 32,
  DoubleQuote: 34,
  Hash: 35,
  Ampersand: 38,
  SingleQuote: 39,
  Slash: 47,
  Colon: 58,
  Semicolon: 59,
  Less: 60,
  Equals: 61,
  Greater: 62,
  Bang: 33,
  Question: 63,
  X: 120,
} as const;

const isSpace = (c: number): boolean => c === Char.Space || c === Char.LineFeed || c === Char.Tab || c === Char.Return;

export class XmlScanner {
  /** What the last `next()` found. */
  kind: XmlTokenKind = 'text';
  /** The tag's name without its namespace prefix (`x:row` → `row`); '' for text. */
  name = '';
  /** An open tag that closes itself (`<c r="A1"/>`). */
  isSelfClosing = false;
  /** Where the token's content is: a tag's attributes, or the raw text or CDATA. */
  start = 0;
  end = 0;
  /** Why the scan stopped before the end, or null. */
  problem: ProblemRef | null = null;
  /** Where the scan has got to (for locating a problem). */
  at = 0;

  constructor(readonly xml: string) {}

  /** Moves to the next tag or text; false at the end or at a problem. */
  next(): boolean {
    const xml = this.xml;
    while (this.at < xml.length) {
      const from = this.at;
      const lt = xml.indexOf('<', from);
      if (lt !== from) return this.token('text', from, lt < 0 ? xml.length : lt, lt < 0 ? xml.length : lt);
      const second = xml.charCodeAt(lt + 1);
      if (second === Char.Slash) {
        const gt = xml.indexOf('>', lt + 2);
        if (gt < 0) return this.stop(phrase('xmlCloseTagOpen'));
        this.name = localName(xml, lt + 2, gt);
        this.isSelfClosing = false;
        return this.token('close', gt, gt, gt + 1);
      }
      if (second === Char.Question) {
        if (!this.skipPast('?>', lt + 2, phrase('xmlPiOpen'))) return false;
        continue;
      }
      if (second === Char.Bang && xml.startsWith('<!--', lt)) {
        if (!this.skipPast('-->', lt + 4, phrase('xmlCommentOpen'))) return false;
        continue;
      }
      if (second === Char.Bang && xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9);
        if (close < 0) return this.stop(phrase('xmlCdataOpen'));
        return this.token('cdata', lt + 9, close, close + 3);
      }
      const gt = tagEnd(xml, lt + 1);
      if (gt < 0) return this.stop(phrase('xmlTagOpen'));
      if (second === Char.Bang) {
        // <!DOCTYPE …>: nothing a workbook needs.
        this.at = gt + 1;
        continue;
      }
      let nameEnd = lt + 1;
      while (nameEnd < gt && !isSpace(xml.charCodeAt(nameEnd)) && xml.charCodeAt(nameEnd) !== Char.Slash) nameEnd++;
      this.name = localName(xml, lt + 1, nameEnd);
      this.isSelfClosing = xml.charCodeAt(gt - 1) === Char.Slash;
      return this.token('open', nameEnd, this.isSelfClosing ? gt - 1 : gt, gt + 1);
    }
    return false;
  }

  /** The raw value of the open tag's attribute by its full name (`r`, `r:id`), or null. */
  attribute(name: string): string | null {
    return this.findAttribute(name, false);
  }

  /** The raw value of the open tag's first attribute with this name after any prefix (`id` finds `r:id`), or null. */
  attributeByLocalName(name: string): string | null {
    return this.findAttribute(name, true);
  }

  /** The token's raw content (text undecoded). */
  text(): string {
    return this.xml.slice(this.start, this.end);
  }

  private token(kind: XmlTokenKind, start: number, end: number, next: number): boolean {
    this.kind = kind;
    if (kind === 'text' || kind === 'cdata') this.name = '';
    this.start = start;
    this.end = end;
    this.at = next;
    return true;
  }

  private skipPast(close: string, from: number, problem: ProblemRef): boolean {
    const at = this.xml.indexOf(close, from);
    if (at < 0) return this.stop(problem);
    this.at = at + close.length;
    return true;
  }

  private stop(problem: ProblemRef): false {
    this.problem = problem;
    this.at = this.xml.length;
    return false;
  }

  private findAttribute(name: string, isLocal: boolean): string | null {
    const xml = this.xml;
    let i = this.start;
    const end = this.end;
    while (i < end) {
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const nameStart = i;
      while (i < end && xml.charCodeAt(i) !== Char.Equals && !isSpace(xml.charCodeAt(i))) i++;
      const nameEnd = i;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (i >= end || xml.charCodeAt(i) !== Char.Equals) return null;
      i++;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== Char.DoubleQuote && quote !== Char.SingleQuote) return null;
      const valueEnd = xml.indexOf(quote === Char.DoubleQuote ? '"' : "'", i + 1);
      if (valueEnd < 0 || valueEnd >= end) return null;
      if (isLocal ? localName(xml, nameStart, nameEnd) === name : nameEnd - nameStart === name.length && xml.startsWith(name, nameStart)) return xml.slice(i + 1, valueEnd);
      i = valueEnd + 1;
    }
    return null;
  }
}

/** The `>` ending a tag whose name starts at `from`, stepping over quoted attribute values; -1 if none. */
function tagEnd(xml: string, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === Char.Greater) return i;
    if (c === Char.DoubleQuote || c === Char.SingleQuote) {
      i = xml.indexOf(c === Char.DoubleQuote ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/** The name in [start, end) without its prefix; searched forwards so it costs the name's length, not the text's. */
function localName(xml: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from < to && isSpace(xml.charCodeAt(from))) from++;
  while (to > from && isSpace(xml.charCodeAt(to - 1))) to--;
  let nameFrom = from;
  for (let i = from; i < to; i++) if (xml.charCodeAt(i) === Char.Colon) nameFrom = i + 1;
  return xml.slice(nameFrom, to);
}

/** A character reference that names no character XML allows (`&#0;`, `&#xD800;`, `&#x110000;`). */
export class InvalidReference {
  constructor(readonly reference: string) {}
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Longest reference read: `&#x` and a code point's digits, with room for leading zeros; longer runs are left as text. */
const MAX_REFERENCE_CHARS = 32;

/**
 * Text with its entity and character references resolved; an unknown or unterminated entity is
 * kept as written; a character reference to a code point XML 1.0 does not allow is returned as an
 * `InvalidReference`, for the caller to report where it is.
 */
export function decodeXmlText(raw: string): string | InvalidReference {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let copied = 0;
  while (amp >= 0) {
    let semicolon = -1;
    const limit = Math.min(raw.length, amp + MAX_REFERENCE_CHARS);
    for (let i = amp + 1; i < limit; i++) {
      const c = raw.charCodeAt(i);
      if (c === Char.Semicolon) {
        semicolon = i;
        break;
      }
      if (c === Char.Ampersand || c === Char.Less || isSpace(c)) break;
    }
    if (semicolon < 0) {
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    const body = raw.slice(amp + 1, semicolon);
    let decoded: string | undefined;
    if (body.charCodeAt(0) === Char.Hash) {
      const isHex = body.charCodeAt(1) === Char.X;
      const digits = body.slice(isHex ? 2 : 1);
      if (digits.length > 0 && (isHex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) {
        const code = Number.parseInt(digits, isHex ? 16 : 10);
        if (!isXmlChar(code)) return new InvalidReference(raw.slice(amp, semicolon + 1));
        decoded = String.fromCodePoint(code);
      }
    } else {
      decoded = ENTITIES[body];
    }
    if (decoded !== undefined) {
      out += raw.slice(copied, amp) + decoded;
      copied = semicolon + 1;
    }
    amp = raw.indexOf('&', semicolon + 1);
  }
  return out + raw.slice(copied);
}

/** XML 1.0's Char production: tab, newline, return, and the planes without surrogates, U+FFFE and U+FFFF. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
