import { interactionKinds, type InteractionKind, type SearchProblem } from '../../contract/contract.js';

// The search box's little language, parsed into words, phrases and filters. Nothing here throws: every
// problem becomes a sentence for the user. Errors stop the search; warnings say how the query was read.
//
//   budget "board seat" person:priya org:"Acme Corp" kind:coffee tag:investor association:circle after:2024-01 before:2025-03-15
//
// Words are matched as word beginnings ("budget" finds "budgets"); quoted phrases exactly. Filters are
// ANDed together; kind: may list several (kind:call,coffee). Dates: YYYY-MM-DD, YYYY-MM or YYYY, in local
// time; before: excludes the period named, after: too ("after:2024" starts on 1 January 2025).

export interface Term {
  type: 'word' | 'phrase';
  /** As typed, for showing back. */
  text: string;
  /** What the full-text tokenizer will see: letters and digits only. Never empty. */
  tokens: string[];
}

export interface DateBound {
  /** UTC instant compared with occurred_at. */
  iso: string;
  /** As typed. */
  text: string;
}

export interface ParsedQuery {
  terms: Term[];
  person: Term[];
  org: Term[];
  tag: string[];
  /** Events held by an association, found by name (fuzzily, like people). */
  association: Term[];
  kind: InteractionKind[];
  before: DateBound | null;
  after: DateBound | null;
  problems: SearchProblem[];
}

export const filterKeys = ['person', 'org', 'tag', 'association', 'kind', 'before', 'after'] as const;
type FilterKey = (typeof filterKeys)[number];

const aliases: Record<string, FilterKey> = {
  person: 'person',
  people: 'person',
  with: 'person',
  org: 'org',
  organization: 'org',
  organisation: 'org',
  company: 'org',
  tag: 'tag',
  association: 'association',
  assoc: 'association',
  kind: 'kind',
  type: 'kind',
  before: 'before',
  after: 'after',
};

/** The characters FTS5's unicode61 tokenizer keeps; everything else separates words. */
export const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

export function tokens(text: string): string[] {
  return (text.normalize('NFC').match(TOKEN) ?? []).map((token) => token.toLocaleLowerCase());
}

export function parseQuery(input: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], person: [], org: [], tag: [], association: [], kind: [], before: null, after: null, problems: [] };
  const error = (message: string) => parsed.problems.push({ severity: 'error', message });
  const warn = (message: string) => parsed.problems.push({ severity: 'warning', message });

  let at = 0;
  const text = input;
  /** Reads a quoted string starting at the opening quote; an unclosed one runs to the end, with a warning. */
  const readQuoted = (): string => {
    const close = text.indexOf('"', at + 1);
    const body = text.slice(at + 1, close === -1 ? undefined : close);
    if (close === -1) warn(`The quote before “${body.trim() || '…'}” is not closed; it was searched as if it were.`);
    at = close === -1 ? text.length : close + 1;
    return body;
  };
  const readBare = (): string => {
    const start = at;
    while (at < text.length && !/\s/.test(text[at]!)) at += 1;
    return text.slice(start, at);
  };

  while (at < text.length) {
    if (/\s/.test(text[at]!)) {
      at += 1;
      continue;
    }
    if (text[at] === '"') {
      addTerm(parsed.terms, 'phrase', readQuoted());
      continue;
    }
    const filter = /^([a-z]+):/i.exec(text.slice(at));
    const key = filter ? aliases[filter[1]!.toLowerCase()] : undefined;
    if (!filter || !key) {
      addTerm(parsed.terms, 'word', readBare());
      continue;
    }
    at += filter[0].length;
    const quoted = text[at] === '"';
    const value = (quoted ? readQuoted() : readBare()).trim();
    if (!value) {
      warn(`Type what to look for after ${key}: (for example ${example[key]}).`);
      continue;
    }
    applyFilter(parsed, key, value, quoted, error);
  }
  if (parsed.before && parsed.after && parsed.after.iso >= parsed.before.iso) {
    error(`after:${parsed.after.text} is not earlier than before:${parsed.before.text}, so nothing can match both.`);
  }
  return parsed;
}

const example: Record<FilterKey, string> = {
  person: 'person:priya or person:"Priya Raman"',
  org: 'org:acme',
  tag: 'tag:investor',
  association: 'association:circle or association:"Product Leaders Circle"',
  kind: 'kind:coffee',
  before: 'before:2025-03-01',
  after: 'after:2024-12',
};

function addTerm(list: Term[], type: Term['type'], text: string): void {
  const found = tokens(text);
  // Punctuation alone ("-", "&&") has nothing to search for.
  if (found.length > 0) list.push({ type, text: text.trim(), tokens: found });
}

function applyFilter(parsed: ParsedQuery, key: FilterKey, value: string, quoted: boolean, error: (message: string) => void): void {
  switch (key) {
    case 'person':
    case 'org':
    case 'association': {
      const found = tokens(value);
      if (found.length === 0) error(`${key}:${value} has no letters or digits to look for.`);
      else parsed[key].push({ type: quoted ? 'phrase' : 'word', text: value, tokens: found });
      return;
    }
    case 'tag': {
      const tag = value.toLocaleLowerCase().replace(/^#/, '');
      if (!tag) error('tag: needs a tag name, for example tag:investor.');
      else parsed.tag.push(tag);
      return;
    }
    case 'kind': {
      for (const part of value.split(',').filter(Boolean)) {
        const kind = toKind(part);
        if (kind) {
          if (!parsed.kind.includes(kind)) parsed.kind.push(kind);
        } else {
          error(`kind:${part} is not a kind of conversation; kind: must be one of ${interactionKinds.join(', ')}.`);
        }
      }
      return;
    }
    case 'before':
    case 'after': {
      const bound = parseDate(value, key);
      if (typeof bound === 'string') error(bound);
      else if (parsed[key]) error(`There are two ${key}: dates; keep one.`);
      else parsed[key] = bound;
      return;
    }
  }
}

function toKind(text: string): InteractionKind | null {
  const word = text.toLowerCase();
  for (const kind of interactionKinds) {
    if (word === kind || word === `${kind}s` || word === `${kind}es`) return kind;
  }
  return null;
}

/**
 * YYYY-MM-DD, YYYY-MM or YYYY, as a local calendar period. before: is the period's first instant, after:
 * the instant just past its end. Anything else is refused with the forms that work: "10/03/2025" is
 * ambiguous between countries, and words like "last week" are left for a later version.
 */
function parseDate(text: string, key: 'before' | 'after'): DateBound | string {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!match) {
    return `${key}:${text} is not a date Confidant understands. Write it as YYYY-MM-DD (2025-03-14), YYYY-MM (2025-03) or YYYY (2025).`;
  }
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (year < 1900 || year > 2199) return `${key}:${text} is outside the years 1900 to 2199.`;
  if (month !== null && (month < 1 || month > 12)) return `${key}:${text} has no month ${month}; months go from 01 to 12.`;
  const start = new Date(year, (month ?? 1) - 1, day ?? 1);
  if (day !== null && (start.getMonth() !== month! - 1 || day < 1)) {
    return `${key}:${text} is not a day on the calendar (there is no day ${day} in that month).`;
  }
  const end =
    day !== null ? new Date(year, month! - 1, day + 1) : month !== null ? new Date(year, month, 1) : new Date(year + 1, 0, 1);
  return { iso: (key === 'before' ? start : end).toISOString(), text };
}
