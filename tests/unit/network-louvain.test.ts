// Community detection in slices (core/network/graph-measures.ts): graphology's Louvain run as a generator
// must find exactly the communities the library finds, and the network's figures must let the journal's
// thread serve other work while it runs, instead of holding it for one long stretch; so must the figures
// and the map's graph worked out from the measures.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { egoMeasures, egoMeasuresInSlices, louvainGraph, louvainSteps } from '../../src-main/core/network/graph-measures.js';
import { egoReady, graphInSlices, graphOf, overviewInSlices, overviewOf, rankByName, type Loaded, type PersonStats } from '../../src-main/core/network/overview.js';
import { Rng } from '../../resources/sample/prng.js';
import { call, countTurns, describe, expect, test } from './helpers.js';

/** `groups` dense groups of people, a few links across: the shape Louvain has to find, with some noise. */
function plantedGraph(seed: number, people: number, groups: number, links: number): { ids: number[]; pairs: [number, number][] } {
  const rng = new Rng(seed);
  const ids = Array.from({ length: people }, (_, i) => i + 1);
  const pairs: [number, number][] = [];
  for (let i = 0; i < links; i += 1) {
    const a = 1 + Math.floor(rng.next() * people);
    // Four links in five stay in a's group.
    const b = rng.next() < 0.8 ? 1 + ((a - 1 + groups * Math.floor(rng.next() * (people / groups))) % people) : 1 + Math.floor(rng.next() * people);
    if (a !== b) pairs.push([a, b]);
  }
  return { ids, pairs };
}

function graphologyOf(ids: number[], pairs: [number, number][]): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const id of ids) graph.addNode(String(id));
  for (const [a, b] of pairs) if (!graph.hasEdge(String(a), String(b))) graph.addEdge(String(a), String(b));
  return graph;
}

/** Each pair once, the first time it comes, whichever way round: as graphologyOf adds them. */
function distinct(pairs: [number, number][]): [number, number][] {
  const seen = new Set<string>();
  return pairs.filter(([a, b]) => {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/** The seeded generator the network uses (mulberry32, seed 42), fresh for each run. */
const seeded = () => {
  const rng = new Rng(42);
  return () => rng.next();
};

function runToEnd<T>(steps: Generator<unknown, T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
    pauses += 1;
  }
}

describe('Louvain in slices', () => {
  test.for([
    [1, 12, 3, 30],
    [2, 200, 6, 900],
    [3, 1500, 12, 6000],
    [4, 3000, 40, 9000],
  ] as const)('gives the library’s communities exactly (seed %i, %i people, %i groups, %i links)', ([seed, people, groups, links]) => {
    const { ids, pairs } = plantedGraph(seed, people, groups, links);
    const expected = louvain(graphologyOf(ids, pairs), { rng: seeded() });
    const { value, pauses } = runToEnd(louvainSteps(graphologyOf(ids, pairs), seeded()));
    expect(value).toEqual(expected);
    // The ego network's stand-in for a graphology graph (the pairs as egoSteps keeps them: each once, in order)
    // gives the library's answer too.
    expect(runToEnd(louvainSteps(louvainGraph(ids, distinct(pairs)), seeded())).value).toEqual(expected);
    // Several communities found, and on the larger graphs many places to pause.
    expect(new Set(Object.values(value)).size).toBeGreaterThan(1);
    if (people >= 1500) expect(pauses).toBeGreaterThan(10);
  });

  test('the measures in slices equal the measures in one go, and other work runs between the slices', async () => {
    const { ids, pairs } = plantedGraph(5, 2000, 20, 8000);
    const ticks = countTurns();
    // No time budget: it breathes at every pause, so the count does not depend on the machine's speed.
    const sliced = await egoMeasuresInSlices(ids, pairs, undefined, 0);
    const turns = ticks.stop();
    expect(sliced).toEqual(egoMeasures(ids, pairs));
    expect(sliced.communities.length).toBeGreaterThan(1);
    expect(turns).toBeGreaterThan(20);
  });
});

/** A network of `people` people (three in four active) at a few dozen organizations, with plantedGraph's links. */
function plantedNetwork(seed: number, people: number): Loaded {
  const rng = new Rng(seed);
  const { pairs } = plantedGraph(seed, people, 20, people * 3);
  const levels = ['senior', 'peer', 'junior', null] as const;
  const stats = new Map<number, PersonStats>();
  for (let id = 1; id <= people; id += 1) {
    const recent = rng.next() < 0.75 ? 1 + Math.floor(rng.next() * 6) : 0;
    stats.set(id, {
      id,
      name: `Person ${Math.floor(rng.next() * people)}`,
      organization: rng.next() < 0.9 ? `Org ${Math.floor(rng.next() * 40)}` : null,
      role: null,
      level: levels[Math.floor(rng.next() * 4)]!,
      insideOrg: rng.next() < 0.5,
      department: rng.next() < 0.5 ? `Function ${Math.floor(rng.next() * 9)}` : null,
      allyRole: rng.next() < 0.3 ? 'mentor' : null,
      rank: 0,
      industries: rng.next() < 0.5 ? [`Industry ${Math.floor(rng.next() * 12)}`] : [],
      interactions: recent,
      lastInteractionAt: recent ? '2026-11-20T10:00:00.000Z' : null,
      recent,
      gave: Math.floor(rng.next() * 2),
      received: Math.floor(rng.next() * 2),
      recentHalf: recent,
      recentHalfWithMyAsk: 0,
      myAsks: Math.floor(rng.next() * 2),
      gaveHalf: 0,
      quarters: new Set(recent ? ['2026-Q3', '2026-Q4'] : []),
    });
  }
  rankByName(stats);
  return { now: '2026-12-01T12:00:00.000Z', people: stats, pairs: pairs.map(([a, b]) => [a, b, 'knows']) };
}

describe('the figures and the map in slices', () => {
  test('equal the figures and the graph worked out in one go, and other work runs between the slices', async () => {
    const loaded = plantedNetwork(6, 3000);
    await egoReady(loaded);
    let ticks = countTurns();
    // No time budget: they breathe at every pause, so the count does not depend on the machine's speed.
    const overview = await overviewInSlices(loaded, loaded.now, 'executive', 0);
    expect(ticks.stop()).toBeGreaterThan(50);
    expect(overview).toEqual(overviewOf(loaded, loaded.now, 'executive'));
    expect(overview.open.communities.length).toBeGreaterThan(1);
    expect(overview.open.byOrganization.length).toBeGreaterThan(30);
    ticks = countTurns();
    const graph = await graphInSlices(loaded, 0);
    expect(ticks.stop()).toBeGreaterThan(3);
    expect(graph).toEqual(graphOf(loaded));
    expect(graph.edges.length).toBeGreaterThan(8000);
  });
});

describe('the network after a new link among active contacts', () => {
  test('works its communities out while the thread serves other work, and answers as a fresh read does', async ({ journal, journalDb }) => {
    const now = new Date().toISOString();
    const people: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const id = (await call(journal, 'people.create', { name: `Person ${i}` })).id;
      await call(journal, 'interactions.create', { occurredAt: now, kind: 'call', title: 'Call', personIds: [id] });
      people.push(id);
    }
    for (const [a, b] of [[0, 1], [1, 2], [0, 2], [4, 5], [5, 6], [4, 6]] as const) await call(journal, 'links.create', { personAId: people[a]!, personBId: people[b]! });
    const before = await call(journal, 'network.overview', { now });
    expect(before.open.communities.map((group) => group.count)).toEqual([3, 3]);

    // A link that changes the groups: Louvain must run again.
    await call(journal, 'links.create', { personAId: people[3]!, personBId: people[0]! });
    const ticks = countTurns();
    const after = await call(journal, 'network.overview', { now });
    expect(ticks.stop()).toBeGreaterThan(0);
    expect(after.open.communities.map((group) => group.count)).toEqual([4, 3]);
    const { networkOverview } = await import('../../src-main/core/network/overview.js');
    expect(after).toEqual(await networkOverview(journalDb.db, now, null));
  });
});
