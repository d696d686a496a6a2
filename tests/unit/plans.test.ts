import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { CallInput } from '../../src-main/contract/contract.js';
import type { CallName } from '../../src-main/contract/names.js';
import type { Journal } from '../../src-main/core/index.js';
import { addInteraction, addPerson, at, call, describe, expect, test } from './helpers.js';

// The hot queries' plans, as SQLite would run them: every statement a screen's call makes is captured and
// explained, and none may walk a big table from end to end. A later change that brings back a scan (a
// join on every interaction, a count of every row) fails here, whatever the machine's speed.

const BIG_TABLES = ['interactions', 'interaction_people', 'exchanges', 'exchange_people', 'asks', 'ask_people', 'thanks', 'commitments'];

interface Captured {
  sql: string;
  parameters: unknown[];
}

/** Records every statement prepared on the connection and the parameters it ran with. */
function capture(raw: BetterSqlite3.Database): { statements: Captured[]; stop: () => void } {
  const statements: Captured[] = [];
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        statements.push({ sql: source, parameters: args.flat() });
        return original(...args);
      };
    }
    return statement;
  }) as typeof raw.prepare;
  return { statements, stop: () => void (raw.prepare = prepare) };
}

async function plansOf<K extends CallName>(journal: Journal, raw: BetterSqlite3.Database, name: K, input?: CallInput<K>) {
  const { statements, stop } = capture(raw);
  try {
    await call(journal, name, input);
  } finally {
    stop();
  }
  return statements
    .filter(({ sql }) => /^\s*(select|with)\b/i.test(sql))
    .map(({ sql, parameters }) => ({
      sql: sql.replace(/"/g, '').replace(/\s+/g, ' ').trim(),
      plan: (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail),
    }));
}

/** Plan lines that read a big table (or its index) from one end to the other. */
function scans(plans: { sql: string; plan: string[] }[]) {
  return plans.flatMap(({ sql, plan }) =>
    plan
      .filter((detail) => {
        const scanned = /^SCAN (\w+)(?: AS \w+)?/.exec(detail);
        if (!scanned) return false;
        // A page of the timeline walks its index from the cursor and stops at the page's end: not a scan.
        if (/USING (COVERING )?INDEX interactions_timeline/.test(detail) && /\blimit\b/i.test(sql) && !/\bexists\b/i.test(sql)) return false;
        const table = sql.match(new RegExp(`\\b(?:from|join) (\\w+)(?: as)? ${scanned[1]}\\b`, 'i'))?.[1] ?? scanned[1]!;
        return BIG_TABLES.includes(table) || BIG_TABLES.includes(scanned[1]!);
      })
      .map((detail) => `${detail}   in: ${sql.slice(0, 160)}`),
  );
}

async function someData(journal: Journal) {
  const people: number[] = [];
  for (let i = 0; i < 5; i += 1) people.push(await addPerson(journal, { name: `Person ${i}`, tags: i % 2 ? ['mentor'] : [] }));
  for (let i = 0; i < 30; i += 1) {
    await addInteraction(journal, {
      occurredAt: at(i * 60 * 24 * 7),
      title: `Week ${i}: the team and the budget`,
      notes: 'We went over the plan, the roadmap and the budget.',
      personIds: [people[i % 5]!, people[(i + 1) % 5]!],
    });
  }
  return people;
}

describe('hot queries', () => {
  test('the window, the People table and a person page never scan interactions or their links', async ({ journal, journalDb }) => {
    const [first] = await someData(journal);
    const plans = [
      ...(await plansOf(journal, journalDb.raw, 'journal.info')),
      ...(await plansOf(journal, journalDb.raw, 'people.list')),
      ...(await plansOf(journal, journalDb.raw, 'people.get', { id: first! })),
      ...(await plansOf(journal, journalDb.raw, 'interactions.timeline', { limit: 50 })),
      ...(await plansOf(journal, journalDb.raw, 'interactions.timeline', { limit: 50, personId: first! })),
    ];
    expect(plans.length).toBeGreaterThan(5);
    expect(scans(plans)).toEqual([]);
  });

  test("the quarterly review finds new people by their first contact, not by grouping every interaction", async ({ journal, journalDb }) => {
    await someData(journal);
    const plans = await plansOf(journal, journalDb.raw, 'review.quarter', { quarter: '2025-Q2', now: '2025-06-01T12:00:00.000Z' });
    const firsts = plans.filter(({ sql }) => sql.includes('firsts'));
    expect(firsts).toHaveLength(1);
    expect(firsts[0]!.plan.join('\n')).toMatch(/SEARCH person_stats USING (COVERING )?INDEX person_stats_first/);
    expect(scans(firsts)).toEqual([]);
  });

  test('a search for the commonest word ranks a bounded set, and a one-letter search walks the newest entries only', async ({ journal, journalDb }) => {
    await someData(journal);
    for (const query of ['the', 't', 'teh', 'budget kind:meeting']) {
      const plans = await plansOf(journal, journalDb.raw, 'search.query', { query });
      expect(scans(plans), query).toEqual([]);
    }
  });
});
