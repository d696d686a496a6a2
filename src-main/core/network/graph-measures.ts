import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { undirectedDensity } from 'graphology-metrics/graph/density.js';

// Measures of my ego network: me, my active contacts (the alters), and the links among them that the user
// stated. Pure functions of ids and pairs, so unit tests can check them against answers worked by hand.

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
  // Plain adjacency: a graphology graph of thousands of nodes costs more to build than every measure here
  // but the communities, which get one of their own only when they must be worked out again.
  const neighbours = new Map<number, Set<number>>();
  for (const id of alters) neighbours.set(id, new Set());
  const edges: [number, number][] = [];
  for (const [a, b] of pairs) {
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

  const key = { linked, edges };
  const communities = previous && sameLinks(previous.linkedKey, key) ? previous.communities : communitiesOf(linked, edges);
  return {
    linked: [...linked].sort((a, b) => a - b),
    unlinked: unlinked.sort((a, b) => a - b),
    ties: t,
    density: n < 2 ? 0 : undirectedDensity(n, t),
    effectiveSize: n === 0 ? 0 : n - (2 * t) / n,
    constraint,
    components: components(neighbours),
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
function communitiesOf(linked: readonly number[], edges: readonly [number, number][]): number[][] {
  if (edges.length === 0) return [];
  const graph = new UndirectedGraph();
  for (const id of linked) graph.addNode(String(id));
  for (const [a, b] of edges) graph.addEdge(String(a), String(b));
  const mapping = louvain(graph, { rng: seeded() });
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
