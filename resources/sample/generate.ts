// `npm run sample`: writes resources/sample-journal.json from the hand-written people, storylines and
// routines in this folder. Deterministic (a seeded PRNG, no clock), so the file only changes when the
// content does. The output is validated against the loader's own schema before anything is written.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InteractionKind } from '../../src-main/contract/contract.js';
import { PersonFields } from '../../src-main/contract/contract.js';
import { SampleJournal } from '../../src-main/core/sample/sample.js';
import { people, type Key } from './people.js';
import { Rng } from './prng.js';
import { asks, commitments, exchanges } from './reciprocity.js';
import { associations } from './associations.js';
import { routines } from './routines.js';
import { storylines } from './storylines.js';
import type { PersonSpec, Routine, Scripted } from './types.js';

const SEED = 0x5eed_c0f1;
const SPAN_DAYS = 730;
const MAX_PER_DAY = 3;
const MAX_BYTES = 400 * 1024;
const outputPath = fileURLToPath(new URL('../sample-journal.json', import.meta.url));

interface Placed {
  daysAgo: number;
  time: string;
  kind: InteractionKind;
  title: string;
  notes: string;
  confidential: boolean;
  location: string | null;
  people: Key[];
}

const rng = new Rng(SEED);
const keys = Object.keys(people) as Key[];
const spec = (key: Key): PersonSpec => people[key];

// Places; all fictional.
const officeRooms = [
  'Fernhollow HQ — Larch room',
  'Fernhollow HQ — Willow room',
  'Fernhollow HQ — Alder room',
  'Fernhollow HQ — 4th-floor focus room',
  'Fernhollow HQ — Juniper room',
];
const cafes = ['Halyard Coffee', 'Blue Heron Café', 'Copper Kettle on Dune Street', 'Pier Nine Roasters'];
const restaurants = ['Osteria Lume', 'Tamarind Kitchen', 'The Ledger Room', 'Saltgrass Bistro', 'Marigold Dining Room', 'Little Hanoi'];

function main(): void {
  const placed: Placed[] = [];
  const busy = new Map<Key, Set<number>>(keys.map((key) => [key, new Set<number>()]));
  const perDay = new Map<number, Set<string>>();

  const book = (entry: Placed) => {
    placed.push(entry);
    for (const key of entry.people) busy.get(key)?.add(entry.daysAgo);
    const times = perDay.get(entry.daysAgo) ?? new Set<string>();
    times.add(entry.time);
    perDay.set(entry.daysAgo, times);
  };

  // Storyline beats keep their days: their order is the story.
  for (const beat of storylines) book(placeScripted(beat, perDay));

  // Routine entries, person by person, in the person's window and everyone else's involved.
  for (const key of keys) {
    for (const entry of routines[key]) book(placeRoutine(key, entry, busy, perDay));
  }

  placed.sort((a, b) => b.daysAgo - a.daysAgo || a.time.localeCompare(b.time));

  const data = {
    version: 1 as const,
    people: keys.map((key) => {
      const p = spec(key);
      return {
        key,
        name: p.name,
        organization: p.organization,
        role: p.role,
        level: p.level,
        insideOrg: p.insideOrg,
        department: p.department,
        howWeMet: p.howWeMet,
        tags: p.tags,
        allyRole: p.allyRole,
        cadenceDays: p.cadenceDays,
        notes: p.notes,
      };
    }),
    interactions: placed.map((entry) => ({
      daysAgo: entry.daysAgo,
      time: entry.time,
      kind: entry.kind,
      title: entry.title,
      notes: entry.notes,
      confidential: entry.confidential,
      location: entry.location,
      people: entry.people,
    })),
    ...giveAndTake(),
    associations,
  } satisfies SampleJournal;

  validate(data);
  const json = `${JSON.stringify(data, null, 2)}\n`;
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_BYTES) fail(`The sample is ${bytes} bytes; keep it under ${MAX_BYTES}.`);
  writeFileSync(outputPath, json);
  report(placed, bytes);
}

/** The give-and-take file as the loader reads it: fulfilled asks become exchanges that point back at them. */
function giveAndTake() {
  const thanks = (value: string | number | undefined) =>
    value === undefined ? {} : typeof value === 'string' ? { thankedIn: value } : { thankedDaysAgo: value };
  const fulfilled = asks.flatMap((ask, index) =>
    ask.fulfilled
      ? [{
          direction: ask.direction === 'i-asked' ? ('received' as const) : ('gave' as const),
          kind: ask.fulfilled.kind,
          description: ask.description,
          people: [...ask.who],
          daysAgo: ask.fulfilled.day,
          askIndex: index,
          ...thanks(ask.fulfilled.thanked),
        }]
      : [],
  );
  return {
    exchanges: [
      ...exchanges.map((item) => ({
        direction: item.direction,
        kind: item.kind,
        description: item.description,
        people: [...item.who],
        ...(item.in ? { interaction: item.in } : { daysAgo: item.day ?? 1 }),
        ...thanks(item.thanked),
      })),
      ...fulfilled,
    ],
    asks: asks.map((ask) => ({
      direction: ask.direction,
      description: ask.description,
      people: [...ask.who],
      ...(ask.in ? { interaction: ask.in } : { daysAgo: ask.day ?? 1 }),
      status: ask.fulfilled ? ('open' as const) : (ask.status ?? 'open'),
    })),
    commitments: commitments.map((item) => ({
      direction: item.direction,
      description: item.description,
      person: item.who,
      ...(item.in ? { interaction: item.in } : {}),
      dueInDays: item.due,
      status: item.status ?? 'open',
      ...(item.done !== undefined ? { doneInDays: item.done } : {}),
    })),
  };
}

function placeScripted(beat: Scripted<Key>, perDay: Map<number, Set<string>>): Placed {
  if (beat.day < 1 || beat.day > SPAN_DAYS) fail(`"${beat.title}" is ${beat.day} days ago; keep beats within 1..${SPAN_DAYS}.`);
  const who = [...beat.who];
  return {
    daysAgo: beat.day,
    time: beat.time ?? freeTime(beat.kind, beat.title, perDay.get(beat.day)),
    kind: beat.kind,
    title: beat.title,
    notes: beat.notes ?? '',
    confidential: beat.confidential ?? false,
    location: beat.location === undefined ? placeFor(beat.kind, who) : beat.location,
    people: who,
  };
}

function placeRoutine(
  key: Key,
  entry: Routine<Key>,
  busy: Map<Key, Set<number>>,
  perDay: Map<number, Set<string>>,
): Placed {
  const who: Key[] = [key, ...(entry.with ?? [])];
  let [from, until] = entry.within ?? spec(key).window;
  for (const other of who) {
    const [otherFrom, otherUntil] = spec(other).window;
    from = Math.min(from, otherFrom);
    until = Math.max(until, otherUntil);
  }
  if (from < until) fail(`"${entry.title}": no day fits everyone's window.`);

  const away = (day: number) =>
    who.some((other) => (spec(other).away ?? []).some(([start, end]) => day <= start && day >= end));
  // Nobody meets the same person twice in two days, and no day holds more than a few entries.
  const crowded = (day: number, gap: number) =>
    (perDay.get(day)?.size ?? 0) >= MAX_PER_DAY ||
    who.some((other) => {
      const days = busy.get(other);
      for (let d = day - gap; d <= day + gap; d++) if (days?.has(d)) return true;
      return false;
    });

  for (const gap of [2, 1, 0]) {
    for (let attempt = 0; attempt < 400; attempt++) {
      const day = recentWeightedDay(from, until);
      if (away(day) || crowded(day, gap)) continue;
      return {
        daysAgo: day,
        time: freeTime(entry.kind, entry.title, perDay.get(day)),
        kind: entry.kind,
        title: entry.title,
        notes: entry.notes ?? '',
        confidential: entry.confidential ?? false,
        location: entry.location === undefined ? placeFor(entry.kind, who) : entry.location,
        people: who,
      };
    }
  }
  return fail(`"${entry.title}": could not find a free day between ${from} and ${until} days ago.`);
}

/** A day in [until, from] days ago, a little more likely the more recent it is (people log more lately). */
function recentWeightedDay(from: number, until: number): number {
  const weight = (day: number) => 1 + (0.5 * (SPAN_DAYS - day)) / SPAN_DAYS;
  const max = weight(until);
  for (;;) {
    const day = rng.int(until, from);
    if (rng.next() * max <= weight(day)) return day;
  }
}

/** A working-hours time for the kind (evenings for dinners), not already taken that day. */
function freeTime(kind: InteractionKind, title: string, taken: Set<string> | undefined): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const time = timeFor(kind, title);
    if (!taken?.has(time)) return time;
  }
  return fail(`No free time left for "${title}".`);
}

function timeFor(kind: InteractionKind, title: string): string {
  const at = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const quarter = () => rng.pick([0, 0, 15, 30, 30, 45]);
  switch (kind) {
    case 'meeting':
      return at(rng.int(8, 17), quarter());
    case 'call':
      return at(rng.int(8, 17), rng.int(0, 11) * 5);
    case 'coffee':
      if (/early/i.test(title)) return at(7, rng.pick([15, 30, 45]));
      return rng.pick(['08:00', '08:15', '08:30', '09:00', '09:30', '10:00', '10:30', '14:30', '15:00', '15:30', '16:00']);
    case 'meal':
      if (/dinner/i.test(title)) return at(rng.int(18, 19), rng.pick([0, 15, 30, 45]));
      if (/breakfast/i.test(title)) return at(7, rng.pick([30, 45]));
      return at(rng.pick([11, 12, 12, 12, 13]), rng.pick([30, 45, 0, 15]));
    case 'event':
      return rng.chance(0.7) ? at(rng.int(17, 18), rng.pick([0, 30])) : at(rng.int(9, 14), 0);
    case 'message':
    case 'email':
      // Mostly office hours; now and then early or late, as busy people do.
      return rng.chance(0.15) ? at(rng.pick([7, 20, 21]), rng.int(0, 59)) : at(rng.int(8, 18), rng.int(0, 59));
    case 'other':
      return at(rng.int(9, 17), rng.int(0, 59));
  }
}

/** A plausible place for an in-person kind; null for calls, messages and video meetings. */
function placeFor(kind: InteractionKind, who: Key[]): string | null {
  const allInside = who.every((key) => spec(key).insideOrg === true);
  switch (kind) {
    case 'meeting':
      return allInside && rng.chance(0.8) ? rng.pick(officeRooms) : null;
    case 'coffee':
      return allInside && rng.chance(0.5) ? 'Fernhollow HQ café' : rng.pick(cafes);
    case 'meal':
      return rng.pick(restaurants);
    default:
      return null;
  }
}

/** The loader's schema first, then what the schema cannot know: the sample's own promises. */
function validate(data: SampleJournal): void {
  const parsed = SampleJournal.safeParse(data);
  if (!parsed.success) {
    fail(`The sample does not match SampleJournal:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }

  // The app normalizes people on input (trim, lower-case tags, blank to null); the file should already
  // be in that form, so what the user sees is exactly what is written here.
  for (const { key, ...fields } of data.people) {
    const normalized = PersonFields.parse(fields);
    if (JSON.stringify(normalized) !== JSON.stringify(fields)) fail(`Person "${key}" is not in normalized form.`);
  }

  const titles = new Set<string>();
  const seen = new Set<string>();
  for (const entry of data.interactions) {
    if (entry.title.length > 200) fail(`Title over 200 characters: "${entry.title}".`);
    if ((entry.location ?? '').length > 200) fail(`Location over 200 characters in "${entry.title}".`);
    if (entry.title !== entry.title.trim() || (entry.notes ?? '') !== (entry.notes ?? '').trim()) fail(`Untrimmed text in "${entry.title}".`);
    const lower = entry.title.toLowerCase();
    if (titles.has(lower)) fail(`Duplicate title: "${entry.title}".`);
    titles.add(lower);
    if (entry.daysAgo < 1 || entry.daysAgo > SPAN_DAYS) fail(`"${entry.title}" falls outside the span.`);
    if (new Set(entry.people).size !== entry.people.length) fail(`"${entry.title}" lists someone twice.`);
    for (const key of entry.people) seen.add(key);
  }
  const missing = keys.filter((key) => !seen.has(key));
  if (missing.length > 0) fail(`No interactions with: ${missing.join(', ')}.`);
}

function report(placed: Placed[], bytes: number): void {
  const confidential = placed.filter((entry) => entry.confidential).length;
  const kinds = new Map<string, number>();
  for (const entry of placed) kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
  const days = placed.map((entry) => entry.daysAgo);
  const lastSeen = (key: Key) => Math.min(...placed.filter((entry) => entry.people.includes(key)).map((entry) => entry.daysAgo));
  const overdue = keys
    .filter((key) => spec(key).cadenceDays !== null && lastSeen(key) > (spec(key).cadenceDays ?? 0))
    .map((key) => `${spec(key).name} (${lastSeen(key)}d, every ${spec(key).cadenceDays}d)`);

  console.log(`Wrote ${outputPath} (${(bytes / 1024).toFixed(1)} KB)`);
  console.log(`  ${keys.length} people, ${placed.length} interactions, ${confidential} confidential (${((100 * confidential) / placed.length).toFixed(1)}%)`);
  console.log(`  from ${Math.max(...days)} to ${Math.min(...days)} days ago`);
  console.log(`  kinds: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  console.log(`  overdue for a keep-in-touch: ${overdue.join('; ') || 'nobody'}`);
}

function fail(message: string): never {
  console.error(`sample: ${message}`);
  process.exit(1);
}

main();
