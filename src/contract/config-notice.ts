/** atlas.config.json `publicUrl` (the portal's address) and `notice` (the village notice board's posting period), with their parsers. */
import { JsonChecker } from './check';

/** The village notice board (view=notice): how long a notice stays posted. */
export interface NoticeConfig {
  /** 公示期: days a notice stays on the board, counting the day it is posted (`notice.postingDays`, default 10). */
  postingDays: number;
}

/** The posting period when the config sets none: the rules commonly ask for at least 10 days. */
export const DEFAULT_NOTICE: NoticeConfig = { postingDays: 10 };
/** The longest posting period a config may set, in days (a year). */
export const MAX_POSTING_DAYS = 366;

/**
 * `publicUrl`: where the public portal serves the atlas, the address a notice's QR code holds. It
 * is printed on paper and opened on phones, so only a plain https address passes: no credentials,
 * no `#` (the atlas writes the view there).
 */
export function parsePublicUrl(c: JsonChecker, v: unknown): string | null {
  const text = c.string(v, 'publicUrl');
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return c.error('publicUrl', 'noticeUrl', { text });
  }
  if (url.protocol !== 'https:') return c.error('publicUrl', 'noticeHttps', { protocol: url.protocol, text });
  if (url.username !== '' || url.password !== '') return c.error('publicUrl', 'noticeUserInfo');
  if (url.hash !== '' || text.includes('#')) return c.error('publicUrl', 'noticeHash', { text });
  return url.href;
}

/** `notice: { postingDays }`. */
export function parseNotice(c: JsonChecker, v: unknown): NoticeConfig | null {
  const o = c.object(v, 'notice');
  if (!o) return null;
  c.onlyKeys(o, 'notice', ['postingDays']);
  if (o.postingDays === undefined) return { ...DEFAULT_NOTICE };
  const days = c.number(o.postingDays, 'notice.postingDays', 1, MAX_POSTING_DAYS);
  if (days === null) return null;
  if (!Number.isInteger(days)) return c.error('notice.postingDays', 'noticeDays', { got: days });
  return { postingDays: days };
}
