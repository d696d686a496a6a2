// Attendees to people, fast enough for the sidebar's count at 5,000 people (calendar/match.ts): only the
// people sharing letter triples with a name are scored. It must answer exactly as scoring everyone did:
// the same person, or nobody when two are equally close or none is close enough.
import Fuse from 'fuse.js';
import { Rng } from '../../resources/sample/prng.js';
import { FUZZY, loadMatcher } from '../../src-main/core/calendar/match.js';
import { describe, expect, test } from './helpers.js';

const FIRST = 'Priya Ada Grace Omar Lucia Kenji Amara Rafael Ines Samuel Chloe Arjun Fatima Tomas Elena Nnamdi Julia Rohan Aisha Ben Jon John Joan Ana Anna Hanna Lars Lara'.split(' ');
const LAST = 'Raman Lovelace Hopper Haddad Fernandez Watanabe Osei Costa Lima Achterberg Martin Kapoor Rahman Herrera Petrova Eze Novak Shah Okafor Okonkwo Okonkwo-Price Kim Kimball Smith Smyth'.split(' ');

const SUFFIX = ['', '', 'son', 'berg', 'ova', 'ski', 'ez', 'ian', 'elli', 'stein', 'ard', 'ow', 'ini', 'ley'];
const pick = (list: string[], rng: Rng) => list[Math.floor(rng.next() * list.length)]!;

/** What the matcher answered before: fuse.js over everyone, the same clear-winner rule. */
const fold = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function everyone(people: { id: number; name: string }[]) {
  const fuse = new Fuse(people.map((person) => ({ ...person, key: fold(person.name) })), FUZZY);
  return (name: string): number | null => {
    const [best, second] = fuse.search(fold(name), { limit: 2 });
    return best && (best.score ?? 1) <= 0.15 && (!second || (second.score ?? 1) - (best.score ?? 1) > 0.1) ? best.item.id : null;
  };
}

/** A name as a calendar might write it: a letter dropped, doubled, swapped or changed; or someone else entirely. */
function misspelt(name: string, rng: Rng): string {
  const chars = [...name];
  const edits = 1 + Math.floor(rng.next() * 3);
  for (let e = 0; e < edits; e += 1) {
    const at = Math.floor(rng.next() * chars.length);
    const roll = rng.next();
    if (roll < 0.3) chars.splice(at, 1);
    else if (roll < 0.5) chars.splice(at, 0, chars[at] ?? 'e');
    else if (roll < 0.7 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
    else chars[at] = 'aeiourstn'[Math.floor(rng.next() * 9)]!;
  }
  return chars.join('');
}

describe('matching attendees by a near name', () => {
  test('the same answer as fuse.js over everyone, for 500 misspelt and unknown names among 1,500 people', async ({ journalDb }) => {
    const rng = new Rng(11);
    const insert = journalDb.raw.prepare(`INSERT INTO people (name, created_at, updated_at) VALUES (?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
    journalDb.raw.transaction(() => {
      for (let i = 0; i < 1500; i += 1) insert.run(`${pick(FIRST, rng)} ${pick(LAST, rng)}${pick(SUFFIX, rng)}${i % 4 === 0 ? ` ${pick(LAST, rng)}` : ''}`);
    })();
    const people = journalDb.raw.prepare('SELECT id, name FROM people').all() as { id: number; name: string }[];
    const reference = everyone(people);
    const matcher = await loadMatcher(journalDb.db, []);
    const names = Array.from({ length: 500 }, (_, i) =>
      i % 10 === 0 ? `Guest Number${i}` : misspelt(people[Math.floor(rng.next() * people.length)]!.name, rng),
    );
    let matched = 0;
    for (const name of names) {
      const exact = people.filter((person) => fold(person.name) === fold(name));
      if (exact.length > 0 || !name.includes(' ')) continue; // exact names never reach the fuzzy step
      const expected = reference(name);
      expect(matcher.match({ name, email: null, partstat: null }).person?.id ?? null, name).toBe(expected);
      if (expected !== null) matched += 1;
    }
    expect(matched).toBeGreaterThan(25); // the misspellings do find people: the comparison is not all nulls
  });

  test('a person added or renamed is matched at once: what is kept follows the people revision', async ({ journal, journalDb }) => {
    const first = await loadMatcher(journalDb.db, []);
    expect(first.match({ name: 'Zebedee Quartermain', email: null, partstat: null }).person).toBeNull();
    const created = await journal.call('people.create', { name: 'Zebedee Quartermaine' });
    expect(created.ok).toBe(true);
    const again = await loadMatcher(journalDb.db, []);
    expect(again.match({ name: 'Zebedee Quartermain', email: null, partstat: null }).person?.name).toBe('Zebedee Quartermaine');
  });
});
