import type { UndirectedGraph } from 'graphology';
import { UndirectedLouvainIndex } from 'graphology-indices/louvain.js';
import { undirectedDensity } from 'graphology-metrics/graph/density.js';

// Measures of my ego network: me, my active contacts (the alters), and the links among them that the user
// stated. Pure functions of ids and pairs, so unit tests can check them against answers worked by hand.
// Community detection is graphology's Louvain, run step by step (louvainSteps): at thousands of contacts it
// takes a few hundred milliseconds, and the journal's thread must breathe in between (egoMeasuresInSlices).

export interface EgoMeasures {
  /** Alters with at least one link to another alter. */
  linked: number[];
  /** Alters who know none of my other active contacts, as far as the journal knows. */
  unlinked: number[];
  /** Distinct alter–alter ties. */
  ties: number;
  /** Ties among alters over possible ties, 0–1 (graphology-metrics). */
  density: number;
  /** Burt's effective size: n − 2t/n; n when no alter knows another, 1 when all know each other. */
  effectiveSize: number;
  /** Burt's constraint on me, 0–1: high when my contacts are tied to each other and so to one another's news. */
  constraint: number;
  /** Alter groups joined only through me (connected components once I am taken out), largest first. */
  components: number[][];
  /** Louvain communities among linked alters (size 2 or more), largest first. */
  communities: number[][];
  /** What the communities were worked out from: the linked alters and their ties, in the order Louvain saw them. */
  linkedKey: { linked: number[]; edges: [number, number][] };
}

/** A fixed seed: the same journal shows the same groups every time it is opened. */
function seeded(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The ego network's measures. `previous`, measures of an earlier state of the same journal, lets the
 * community detection (by far the costliest part) be reused when the linked alters and their links are
 * exactly what they were then: Louvain is a function of those alone, so the answer is the same.
 */
export function egoMeasures(alters: readonly number[], pairs: readonly (readonly [number, number])[], previous?: EgoMeasures): EgoMeasures {
  return toEnd(egoSteps(alters, pairs, previous));
}

/** No stretch of the sliced measures holds the thread much longer than this. */
export const SLICE_MS = 12;

/**
 * The same measures as egoMeasures, worked out in slices of about `sliceMs`, letting the thread serve
 * anything else between them (a setImmediate turn). When the communities must be worked out again, it
 * breathes at least once before starting on them.
 */
export function egoMeasuresInSlices(
  alters: readonly number[],
  pairs: readonly (readonly [number, number])[],
  previous?: EgoMeasures,
  sliceMs = SLICE_MS,
): Promise<EgoMeasures> {
  return inSlices(egoSteps(alters, pairs, previous), sliceMs, 'louvain');
}

/** A generator of work (yields where it may pause) run in one go: the synchronous answer. */
export function toEnd<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same generator run in slices of about `sliceMs`, with a setImmediate turn before the first (the work
 * is never one stretch with whatever came before it, a refresh's reads) and between two; `breatheAt`, a value
 * the work yields, always breathes there.
 */
export async function inSlices<T>(steps: Generator<unknown, T>, sliceMs = SLICE_MS, breatheAt?: unknown): Promise<T> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if ((breatheAt !== undefined && step.value === breatheAt) || performance.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

/** Yields now and then (a point where the work may pause; 'louvain' just before community detection starts). */
function* egoSteps(alters: readonly number[], pairs: readonly (readonly [number, number])[], previous?: EgoMeasures): Generator<'louvain' | undefined, EgoMeasures> {
  // Plain adjacency: a graphology graph of thousands of nodes costs more to build than every measure here
  // but the communities, which get one of their own only when they must be worked out again.
  const neighbours = new Map<number, Set<number>>();
  for (const id of alters) neighbours.set(id, new Set());
  const edges: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 1) {
    if (i % 1024 === 1023) yield;
    const [a, b] = pairs[i]!;
    if (a === b) continue;
    const ofA = neighbours.get(a);
    const ofB = neighbours.get(b);
    // Only ties between two active contacts belong to the ego network; one tie per pair, whatever its kinds.
    if (!ofA || !ofB || ofA.has(b)) continue;
    ofA.add(b);
    ofB.add(a);
    edges.push([a, b]);
  }
  const n = neighbours.size;
  const t = edges.length;
  const linked: number[] = [];
  const unlinked: number[] = [];
  for (const [id, near] of neighbours) (near.size > 0 ? linked : unlinked).push(id);

  // Constraint with equal weights: p(me, j) = 1/n; p(q, j) = 1/deg(q) in the ego network, where every alter
  // is also tied to me (hence the + 1).
  let constraint = 0;
  for (const near of neighbours.values()) {
    let indirect = 0;
    for (const q of near) indirect += (1 / n) * (1 / (neighbours.get(q)!.size + 1));
    constraint += (1 / n + indirect) ** 2;
  }
  yield;

  const key = { linked, edges };
  let communities: number[][];
  if (previous && sameLinks(previous.linkedKey, key)) communities = previous.communities;
  else {
    yield 'louvain';
    communities = yield* communitiesOf(linked, edges);
  }
  const groups = components(neighbours);
  yield;
  return {
    linked: [...linked].sort((a, b) => a - b),
    unlinked: unlinked.sort((a, b) => a - b),
    ties: t,
    density: n < 2 ? 0 : undirectedDensity(n, t),
    effectiveSize: n === 0 ? 0 : n - (2 * t) / n,
    constraint,
    components: groups,
    communities,
    linkedKey: key,
  };
}

function sameLinks(a: EgoMeasures['linkedKey'], b: EgoMeasures['linkedKey']): boolean {
  if (a.linked.length !== b.linked.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.linked.length; i += 1) if (a.linked[i] !== b.linked[i]) return false;
  for (let i = 0; i < a.edges.length; i += 1) if (a.edges[i]![0] !== b.edges[i]![0] || a.edges[i]![1] !== b.edges[i]![1]) return false;
  return true;
}

function components(neighbours: Map<number, Set<number>>): number[][] {
  const seen = new Set<number>();
  const groups: number[][] = [];
  for (const start of neighbours.keys()) {
    if (seen.has(start)) continue;
    const group: number[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const node = queue.pop()!;
      group.push(node);
      for (const next of neighbours.get(node)!) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    groups.push(group.sort((a, b) => a - b));
  }
  return groups.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

/** Louvain on the linked alters, added in the order given (the order it visits them in depends on it). */
function* communitiesOf(linked: readonly number[], edges: readonly [number, number][]): Generator<undefined, number[][]> {
  if (edges.length === 0) return [];
  const graph = louvainGraph(linked, edges);
  yield;
  const mapping = yield* louvainSteps(graph, seeded());
  const groups = new Map<number, number[]>();
  for (const [node, community] of Object.entries(mapping)) {
    const list = groups.get(community) ?? [];
    list.push(Number(node));
    groups.set(community, list);
  }
  return [...groups.values()]
    .filter((group) => group.length >= 2)
    .map((group) => group.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

/**
 * What graphology's Louvain index reads of a graph (graphology-indices' UndirectedLouvainIndex: its size, and
 * each node and edge once, in the graph's order). An UndirectedGraph is one.
 */
export interface LouvainGraph {
  readonly order: number;
  readonly size: number;
  readonly selfLoopCount: number;
  forEachNode(callback: (node: string, attributes: object) => void): void;
  undirectedDegreeWithoutSelfLoops(node: string): number;
  forEachEdge(callback: (edge: string, attributes: object, source: string, target: string) => void): void;
}

const NO_ATTRIBUTES = {};

/**
 * The ego network as the Louvain index reads it, straight from the ids and pairs, in their order: the
 * same index as an UndirectedGraph built from them gives, without building one. At 4,000 contacts and
 * 20,000 links that graph was 40 MB of objects and some 60 ms made anew after every link added, and the
 * garbage it left brought the collector's long pauses (25–35 ms) into the journal's thread.
 * `edges` are distinct pairs of two different `nodes`, as egoSteps makes them.
 */
export function louvainGraph(nodes: readonly number[], edges: readonly (readonly [number, number])[]): LouvainGraph {
  const degrees = new Map<number, number>();
  for (const id of nodes) degrees.set(id, 0);
  for (const [a, b] of edges) {
    degrees.set(a, degrees.get(a)! + 1);
    degrees.set(b, degrees.get(b)! + 1);
  }
  return {
    order: nodes.length,
    size: edges.length,
    selfLoopCount: 0,
    forEachNode: (callback) => {
      for (const id of nodes) callback(String(id), NO_ATTRIBUTES);
    },
    undirectedDegreeWithoutSelfLoops: (node) => degrees.get(Number(node)) ?? 0,
    forEachEdge: (callback) => {
      for (let i = 0; i < edges.length; i += 1) callback(String(i), NO_ATTRIBUTES, String(edges[i]![0]), String(edges[i]![1]));
    },
  };
}

/** What louvainSteps reads of graphology's index beyond its published types. */
type LouvainIndex = UndirectedLouvainIndex & { belongings: ArrayLike<number> & { [i: number]: number }; weights: ArrayLike<number> };

/**
 * graphology-communities-louvain 2.0.2's undirected Louvain with its default options (fast local moves, a
 * random walk, resolution 1), line for line on the same index (graphology-indices), so it gives exactly the
 * communities that `louvain(graph, { rng })` gives; but as a generator, pausing every few hundred nodes
 * visited, where the library runs as one stretch. A unit test holds the two to the same answers.
 */
export function* louvainSteps(graph: LouvainGraph, rng: () => number): Generator<undefined, Record<string, number>> {
  if (graph.size === 0) {
    const alone: Record<string, number> = {};
    let next = 0;
    graph.forEachNode((node) => (alone[node] = next++));
    return alone;
  }
  // The index reads only what LouvainGraph has (an UndirectedGraph, or louvainGraph's stand-in).
  const index = new UndirectedLouvainIndex(graph as UndirectedGraph, { getEdgeWeight: 'weight', keepDendrogram: false, resolution: 1 }) as LouvainIndex;
  yield;
  const communities = new Tally(index.C);
  const queue = new QueueSet(index.C);
  let visited = 0;
  let moveWasMade = true;
  while (moveWasMade) {
    const l = index.C;
    moveWasMade = false;
    let ri = Math.floor(rng() * l);
    for (let s = 0; s < l; s += 1, ri += 1) queue.enqueue(ri % l);
    while (queue.size !== 0) {
      const i = queue.dequeue();
      if (++visited % 256 === 0) yield;
      let degree = 0;
      communities.clear();
      const currentCommunity = index.belongings[i]!;
      for (let start = index.starts[i]!, end = index.starts[i + 1]!; start < end; start += 1) {
        const weight = index.weights[start]!;
        degree += weight;
        communities.add(index.belongings[index.neighborhood[start]!]!, weight);
      }
      let bestDelta = index.fastDeltaWithOwnCommunity(i, degree, communities.get(currentCommunity), currentCommunity);
      let bestCommunity = currentCommunity;
      for (let ci = 0; ci < communities.size; ci += 1) {
        const targetCommunity = communities.keys[ci]!;
        if (targetCommunity === currentCommunity) continue;
        const delta = index.fastDelta(i, degree, communities.vals[ci]!, targetCommunity);
        if (better(bestCommunity, currentCommunity, targetCommunity, delta, bestDelta)) {
          bestDelta = delta;
          bestCommunity = targetCommunity;
        }
      }
      if (bestDelta < 0) {
        // Back to a singleton of its own (see the library's note); already alone is no move.
        bestCommunity = index.isolate(i, degree);
        if (bestCommunity === currentCommunity) continue;
      } else {
        if (bestCommunity === currentCommunity) continue;
        index.move(i, degree, bestCommunity);
      }
      moveWasMade = true;
      for (let start = index.starts[i]!, end = index.starts[i + 1]!; start < end; start += 1) {
        const j = index.neighborhood[start]!;
        if (index.belongings[j] !== bestCommunity) queue.enqueue(j);
      }
    }
    if (moveWasMade) {
      index.zoomOut();
      yield;
    }
  }
  return index.collect();
}

const EPSILON = 1e-10;

/** The library's tie-breaker: equal gains go to the higher community, and staying put wins ties. */
function better(bestCommunity: number, currentCommunity: number, targetCommunity: number, delta: number, bestDelta: number): boolean {
  if (Math.abs(delta - bestDelta) < EPSILON) return bestCommunity === currentCommunity ? false : targetCommunity > bestCommunity;
  return delta > bestDelta;
}

/** Weights by community in the order first seen (mnemonist's SparseMap, as the library uses it). */
class Tally {
  readonly keys: Int32Array;
  readonly vals: Float64Array;
  private readonly at: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Int32Array(capacity);
    this.vals = new Float64Array(capacity);
    this.at = new Int32Array(capacity).fill(-1);
  }
  clear(): void {
    for (let k = 0; k < this.size; k += 1) this.at[this.keys[k]!] = -1;
    this.size = 0;
  }
  get(key: number): number {
    const at = this.at[key]!;
    return at < 0 ? 0 : this.vals[at]!;
  }
  add(key: number, weight: number): void {
    const at = this.at[key]!;
    if (at >= 0) this.vals[at]! += weight;
    else {
      this.at[key] = this.size;
      this.keys[this.size] = key;
      this.vals[this.size] = weight;
      this.size += 1;
    }
  }
}

/** A first-in first-out queue that holds each node once (mnemonist's SparseQueueSet). */
class QueueSet {
  private readonly ring: Int32Array;
  private readonly queued: Uint8Array;
  private start = 0;
  size = 0;
  constructor(private readonly capacity: number) {
    this.ring = new Int32Array(capacity);
    this.queued = new Uint8Array(capacity);
  }
  enqueue(member: number): void {
    if (this.queued[member]) return;
    this.queued[member] = 1;
    this.ring[(this.start + this.size) % this.capacity] = member;
    this.size += 1;
  }
  dequeue(): number {
    const member = this.ring[this.start]!;
    this.start = (this.start + 1) % this.capacity;
    this.size -= 1;
    this.queued[member] = 0;
    return member;
  }
}
