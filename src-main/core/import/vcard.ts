// vCard 3.0 and 4.0 (and the 2.1 that Outlook and Android still write) → contacts.
//
// ical.js (Mozilla's, maintained for Thunderbird) parses the lines: vCard 3 and 4 grammar, escapes,
// structured values (N, ORG), repeated TYPE= parameters and itemN. groups. It was chosen over the vCard-only
// packages on npm because it is the one that is widely used and still maintained, and because the calendar
// import will use it for iCalendar too. What it does not do is done here, before it sees the text: line
// endings (Apple's iOS export ends lines with CR CR LF), unfolding, the 2.1 forms (bare parameters like
// TEL;CELL, QUOTED-PRINTABLE with soft line breaks), and dropping photos, which are never imported.
import ICAL from 'ical.js';
import { emptyContact, tidyContact, type ImportedContact } from './contact.js';

export interface ParsedCard {
  /** "Card 3": where the row came from, for the preview. */
  line: string;
  contact: ImportedContact | null;
  /** Why a card is skipped (a contact group, no name, unreadable). */
  skip: string | null;
  notKept: string[];
}

export class ImportFileError extends Error {}

/** Property names never imported (photos, keys, sounds), dropped before parsing: they are most of a file's bytes. */
const DROPPED = /^(?:[^.:;]+\.)?(PHOTO|LOGO|SOUND|KEY)[;:]/i;
/** What Confidant does not hold, named in the preview when a card has them. */
const NOT_HELD: Record<string, string> = {
  'x-abrelatednames': 'related name', 'x-abdate': 'date', anniversary: 'anniversary', geo: 'location',
};
/** The messaging properties older exporters write, one per service (Google, Apple, Outlook). */
const IM_SERVICES: Record<string, string | null> = {
  'x-aim': 'AIM', 'x-skype': 'Skype', 'x-skype-username': 'Skype', 'x-gtalk': 'Google Talk', 'x-msn': 'MSN', 'x-jabber': 'Jabber',
  'x-yahoo': 'Yahoo', 'x-icq': 'ICQ', 'x-qq': 'QQ', 'x-gadugadu': 'Gadu-Gadu', 'x-ms-imaddress': null,
};
/** IMPP's URI schemes, named as people know them. */
const IM_SCHEMES: Record<string, string> = {
  skype: 'Skype', xmpp: 'XMPP', aim: 'AIM', msnim: 'MSN', ymsgr: 'Yahoo', icq: 'ICQ', sip: 'SIP', gtalk: 'Google Talk', irc: 'IRC',
  signal: 'Signal', telegram: 'Telegram', whatsapp: 'WhatsApp', facetime: 'FaceTime', qq: 'QQ', matrix: 'Matrix',
};

export function looksLikeVcard(text: string): boolean {
  return /^\s*BEGIN:VCARD\s*$/im.test(text.slice(0, 10_000));
}

export function parseVcards(text: string): ParsedCard[] {
  return splitVcards(text).map((lines, index) => parseCard(lines, index));
}

/**
 * The file cut into cards, each its logical lines (unfolded, photos dropped), without parsing them: cheap,
 * so staging a 10,000-card file answers at once and the cards are parsed page by page by the preview.
 */
export function splitVcards(text: string): string[][] {
  if (!looksLikeVcard(text)) {
    throw new ImportFileError('This file is not a vCard: it has no BEGIN:VCARD line. Export your contacts as vCard (.vcf) and choose that file.');
  }
  return splitCards(logicalLines(text));
}

/** One card (as splitVcards cut it) read into a contact, or the reason it cannot be. */
export function parseCard(lines: readonly string[], index: number): ParsedCard {
  const line = `Card ${index + 1}`;
  try {
    const parsed = ICAL.parse(lines.map(rewrite21).join('\n')) as unknown[];
    const jcard = (Array.isArray(parsed[0]) ? parsed[0] : parsed) as [string, Prop[]];
    const notKept: string[] = [];
    const { contact, skip } = readCard(jcard[1], notKept);
    return { line, contact: contact ? tidyContact(contact, notKept) : null, skip, notKept };
  } catch (error) {
    return { line, contact: null, skip: `Could not be read (${error instanceof Error ? error.message : String(error)}).`, notKept: [] };
  }
}

/** Unfolds continuation lines, joins quoted-printable soft breaks, drops photos and blank lines. */
function logicalLines(text: string): string[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r*\n|\r/);
  const out: string[] = [];
  let dropping = false;
  for (const raw of physical) {
    const last = out.length - 1;
    if (/^[ \t]/.test(raw)) {
      // A folded line continues the one before (the first space or tab is the fold, the rest is value).
      if (!dropping && last >= 0) out[last] += raw.slice(1);
      continue;
    }
    if (raw.trim() === '') continue;
    if (last >= 0 && !dropping && isQuotedPrintable(out[last] ?? '') && (out[last] ?? '').endsWith('=')) {
      // QUOTED-PRINTABLE soft line break: the value goes on, with no leading space.
      out[last] = (out[last] ?? '').slice(0, -1) + raw;
      continue;
    }
    if (!raw.includes(':') && !raw.includes(';')) {
      // vCard 2.1 writes base64 on unindented lines after PHOTO;ENCODING=BASE64 (and ends it with a blank line).
      continue;
    }
    dropping = DROPPED.test(raw);
    if (!dropping) out.push(raw);
  }
  return out;
}

function splitCards(lines: string[]): string[][] {
  const cards: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (/^BEGIN:VCARD$/i.test(line.trim())) current = [line.trim()];
    else if (/^END:VCARD$/i.test(line.trim())) {
      if (current) cards.push([...current, 'END:VCARD']);
      current = null;
    } else current?.push(line);
  }
  return cards;
}

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && /;\s*(ENCODING=)?QUOTED-PRINTABLE\b/i.test(line.slice(0, colon));
}

/** vCard 2.1's TEL;CELL;PREF and QUOTED-PRINTABLE values, rewritten as 3.0 so ical.js reads them. */
function rewrite21(line: string): string {
  // Most lines of a 3.0 or 4.0 card need nothing: no parameters, or only NAME=value ones without an encoding.
  const head = line.slice(0, line.indexOf(':') >>> 0);
  if (!head.includes(';') || (!/;[^=;]*(?:;|$)/.test(head) && !/(ENCODING|CHARSET)=/i.test(head))) return line;
  const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (colon < 0) return line;
  const [name, ...params] = line.slice(0, colon).split(';');
  let value = line.slice(colon + 1);
  let charset = 'utf-8';
  let qp = false;
  const kept: string[] = [];
  for (const param of params) {
    const [key, val] = param.includes('=') ? [param.slice(0, param.indexOf('=')), param.slice(param.indexOf('=') + 1)] : [null, param];
    const upper = (key ?? '').toUpperCase();
    if (upper === 'CHARSET') charset = val;
    else if (upper === 'ENCODING' || (key === null && /^(QUOTED-PRINTABLE|8BIT|7BIT|BASE64|B)$/i.test(val))) {
      if (/QUOTED-PRINTABLE/i.test(val)) qp = true;
    } else if (key === null) kept.push(`TYPE=${val}`);
    else kept.push(param);
  }
  if (qp) value = escapeText(decodeQuotedPrintable(value, charset));
  return [name, ...kept].join(';') + ':' + value;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    const hex = value.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(char));
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Decoded quoted-printable text may hold line breaks and backslashes; keep them as vCard escapes. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
}

type Prop = [string, Record<string, string | string[]>, string, ...unknown[]];

function readCard(props: Prop[], notKept: string[]): { contact: ImportedContact | null; skip: string | null } {
  const contact = emptyContact();
  const labels = new Map<string, string>();
  for (const [name, params, , value] of props) {
    if (name === 'x-ablabel' && typeof params.group === 'string') labels.set(params.group.toLowerCase(), appleLabel(String(value)));
  }
  const labelOf = (params: Prop[1], ignore: RegExp): string | null => {
    const group = typeof params.group === 'string' ? labels.get(params.group.toLowerCase()) : undefined;
    if (group) return group;
    const types = ([] as string[]).concat(params.type ?? []).flatMap((type) => type.split(','));
    const meaningful = types.map((type) => type.toLowerCase()).filter((type) => !ignore.test(type));
    const first = meaningful[0];
    return first ? (first === 'cell' ? 'mobile' : first) : null;
  };
  const isPref = (params: Prop[1]) =>
    ([] as string[]).concat(params.type ?? []).some((type) => /pref/i.test(type)) || params.pref === '1';

  let fn = '';
  let n: string[] = [];
  const notes: string[] = [];
  const missing = new Map<string, number>();
  let group = false;
  for (const [name, params, , ...values] of props) {
    const value = values[0];
    // ical.js leaves some escapes in values it does not know the type of (3.0 NOTE and TITLE among them).
    const text = textOf(value).replace(/\\([;,\\])/g, '$1');
    switch (name) {
      case 'fn':
        fn ||= text;
        break;
      case 'n':
        n = (Array.isArray(value) ? value : String(value ?? '').split(';')).map((part) => textOf(part));
        break;
      case 'org': {
        const parts = Array.isArray(value) ? value.map(textOf) : String(value ?? '').split(';');
        contact.organization ||= parts[0]?.trim() || null;
        contact.department ||= parts.slice(1).filter((part) => part.trim()).join(', ') || null;
        break;
      }
      case 'title':
        contact.role ||= text || null;
        break;
      case 'role':
        if (!contact.role && text) contact.role = text;
        break;
      case 'note':
        if (text.trim()) notes.push(text.trim());
        break;
      case 'categories':
        contact.tags.push(...values.flatMap((item) => textOf(item).split(',')).filter((tag) => !/^(my ?contacts|starred)$/i.test(tag.trim())));
        break;
      case 'email': {
        const entry = { email: text, label: labelOf(params, /^(internet|pref|x400|x-internet)$/) };
        if (isPref(params)) contact.emails.unshift(entry);
        else contact.emails.push(entry);
        break;
      }
      case 'tel': {
        const phone = text.replace(/^tel:/i, '').replace(/;ext=(.+)$/i, ' ext. $1');
        const entry = { phone, label: labelOf(params, /^(voice|pref|text|msg|video)$/) };
        if (isPref(params)) contact.phones.unshift(entry);
        else contact.phones.push(entry);
        break;
      }
      case 'url':
        contact.links.push({ url: unescapeColon(text), label: labelOf(params, /^(pref|internet|x-.*)$/) });
        break;
      case 'x-socialprofile': {
        const service = ([] as string[]).concat(params.type ?? [])[0];
        const user = typeof params['x-user'] === 'string' ? params['x-user'] : null;
        let url = unescapeColon(text);
        // Apple sometimes writes "x-apple:handle"; the handle is what can be kept.
        if (!/^https?:/i.test(url) && user) url = url.includes(user) && !url.startsWith('x-apple:') ? url : user;
        contact.links.push({ url, label: service ? profileLabel(service) : null });
        break;
      }
      case 'bday':
        contact.birthday ||= readBirthday(text, params);
        if (!contact.birthday && text) notKept.push(`the birthday “${text}”`);
        break;
      case 'adr': {
        // ADR is pobox;extended;street;locality;region;code;country; each part may be a list (vCard 4).
        const parts = (Array.isArray(value) ? value : String(value ?? '').split(';')).map((part) =>
          (Array.isArray(part) ? part.map(textOf).join('\n') : textOf(part)).replace(/\\([;,\\])/g, '$1').trim(),
        );
        const [pobox = '', extended = '', street = '', locality = '', region = '', postalCode = '', country = ''] = parts;
        contact.addresses.push({
          label: labelOf(params, /^(pref|postal|parcel|intl|dom)$/),
          street: [pobox, extended, street].filter(Boolean).join('\n') || null,
          locality: locality || null, region: region || null, postalCode: postalCode || null, country: country || null,
        });
        break;
      }
      case 'nickname':
        contact.nicknames.push(...values.flatMap((item) => textOf(item).split(',')).map((item) => item.trim()).filter(Boolean));
        break;
      case 'impp': {
        // "skype:jdoe", "xmpp:alice@example.com"; X-SERVICE-TYPE names the service where the scheme does not.
        const scheme = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(text);
        const named = typeof params['x-service-type'] === 'string' ? params['x-service-type'] : null;
        const service = named ?? (scheme ? (IM_SCHEMES[(scheme[1] ?? '').toLowerCase()] ?? scheme[1] ?? null) : null);
        const handle = scheme && !/^https?$/i.test(scheme[1] ?? '') ? (scheme[2] ?? '') : text;
        if (handle.trim()) contact.ims.push({ service, handle: handle.trim(), label: labelOf(params, /^(pref|x-.*)$/) });
        break;
      }
      case 'kind':
      case 'x-addressbookserver-kind':
        if (/^group$/i.test(text)) group = true;
        break;
      default:
        if (name in IM_SERVICES) {
          if (text.trim()) contact.ims.push({ service: IM_SERVICES[name] ?? null, handle: text.trim(), label: labelOf(params, /^(pref|x-.*)$/) });
        } else if (NOT_HELD[name]) missing.set(NOT_HELD[name], (missing.get(NOT_HELD[name]) ?? 0) + 1);
    }
  }
  if (group) return { contact: null, skip: 'A contact group, not a person.' };
  // N is family;given;additional;prefix;suffix.
  const fromN = [n[3], n[1], n[2], n[0], n[4]].map((part) => (part ?? '').trim()).filter(Boolean).join(' ');
  contact.name = fn.trim() || fromN || contact.organization || contact.emails[0]?.email || '';
  if (!contact.name.trim()) return { contact: null, skip: 'No name, organization or email to know them by.' };
  contact.notes = notes.join('\n\n') || null;
  for (const [what, count] of missing) notKept.push(count === 1 ? `1 ${what}` : `${count} ${what === 'address' ? 'addresses' : `${what}s`}`);
  return { contact, skip: null };
}

function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (value && typeof value === 'object' && 'toString' in value) return String(value);
  return value == null ? '' : String(value);
}

/** `_$!<HomePage>!$_` is Apple's way of writing a built-in label; the word inside is the label. */
function appleLabel(label: string): string {
  const inner = /^_\$!<(.+)>!\$_$/.exec(label.trim())?.[1] ?? label.trim();
  return inner.replace(/\\(.)/g, '$1').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function profileLabel(service: string): string {
  const known: Record<string, string> = { linkedin: 'LinkedIn', twitter: 'Twitter', facebook: 'Facebook', github: 'GitHub', x: 'X' };
  return known[service.toLowerCase()] ?? service;
}

function unescapeColon(url: string): string {
  return url.replace(/\\([:;,\\])/g, '$1');
}

/** BDAY in every form the exporters write: 1980-03-22, 19800322, --0322, --03-22, and Apple's year 1604 for "no year". */
function readBirthday(text: string, params: Prop[1]): string | null {
  const value = text.trim();
  const omit = typeof params['x-apple-omit-year'] === 'string' ? params['x-apple-omit-year'] : null;
  let match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(value);
  if (match) {
    const [, year, month, day] = match;
    return year === omit || year === '1604' ? `--${month}-${day}` : `${year}-${month}-${day}`;
  }
  match = /^--(\d{2})-?(\d{2})$/.exec(value);
  if (match) return `--${match[1]}-${match[2]}`;
  return null;
}
