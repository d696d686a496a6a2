import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { density } from 'graphology-metrics/graph/density.js';

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

export function egoMeasures(alters: readonly number[], pairs: readonly (readonly [number, number])[]): EgoMeasures {
  const graph = new UndirectedGraph();
  for (const id of alters) graph.mergeNode(String(id));
  for (const [a, b] of pairs) {
    if (a === b) continue;
    const x = String(a);
    const y = String(b);
    // Only ties between two active contacts belong to the ego network.
    if (!graph.hasNode(x) || !graph.hasNode(y)) continue;
    graph.mergeEdge(x, y);
  }
  const n = graph.order;
  const t = graph.size;
  const linked: number[] = [];
  const unlinked: number[] = [];
  graph.forEachNode((node) => (graph.degree(node) > 0 ? linked : unlinked).push(Number(node)));

  // Constraint with equal weights: p(me, j) = 1/n; p(q, j) = 1/deg(q) in the ego network, where every alter
  // is also tied to me (hence the + 1).
  let constraint = 0;
  graph.forEachNode((j) => {
    let indirect = 0;
    graph.forEachNeighbor(j, (q) => {
      indirect += (1 / n) * (1 / (graph.degree(q) + 1));
    });
    constraint += (1 / n + indirect) ** 2;
  });

  return {
    linked: linked.sort((a, b) => a - b),
    unlinked: unlinked.sort((a, b) => a - b),
    ties: t,
    density: n < 2 ? 0 : density(graph),
    effectiveSize: n === 0 ? 0 : n - (2 * t) / n,
    constraint,
    components: components(graph),
    communities: communities(graph),
  };
}

function components(graph: UndirectedGraph): number[][] {
  const seen = new Set<string>();
  const groups: number[][] = [];
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    const group: number[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const node = queue.pop()!;
      group.push(Number(node));
      graph.forEachNeighbor(node, (next) => {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      });
    }
    groups.push(group.sort((a, b) => a - b));
  });
  return groups.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

function communities(graph: UndirectedGraph): number[][] {
  if (graph.size === 0) return [];
  const linked = graph.copy();
  for (const node of linked.filterNodes((node) => linked.degree(node) === 0)) linked.dropNode(node);
  const mapping = louvain(linked, { rng: seeded() });
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
