import type { AllyRole, GraphNode, Level, NetworkGraph } from '../../../src-main/contract/contract';

// What the map shows, as plain functions of the graph and the filters, so the list view and the map agree.

export type ColourBy = 'organization' | 'level' | 'allyRole' | 'community';
export interface MapFilters {
  activeOnly: boolean;
  place: 'all' | 'inside' | 'outside';
  level: Level | 'all';
  allyRole: AllyRole | 'all';
}

export const ME = 'me';

/** Colour-blind-safe categorical colours (Okabe–Ito, then Tol's muted), legible on light and dark. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#882255', '#44AA99', '#999933', '#AA4499'];
const OTHER = '#8a8e97';

export function visible(node: GraphNode, filters: MapFilters): boolean {
  if (filters.activeOnly && !node.active) return false;
  if (filters.place === 'inside' && node.insideOrg !== true) return false;
  if (filters.place === 'outside' && node.insideOrg !== false) return false;
  if (filters.level !== 'all' && node.level !== filters.level) return false;
  if (filters.allyRole !== 'all' && node.allyRole !== filters.allyRole) return false;
  return true;
}

/** The same people in both sets. */
export function sameIds(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

export function valueOf(node: GraphNode, by: ColourBy): string | null {
  return by === 'organization' ? node.organization : by === 'level' ? node.level : by === 'community' ? node.community : node.allyRole;
}

/** The ten most common values get a colour each; the rest share grey, and the legend says so. */
export function colours(graph: NetworkGraph, by: ColourBy): { colourOf: (node: GraphNode) => string; legend: { label: string; colour: string }[] } {
  const counts = new Map<string, number>();
  for (const node of graph.nodes) {
    const value = valueOf(node, by);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, PALETTE.length);
  const map = new Map(top.map(([value], index) => [value, PALETTE[index]!]));
  const legend = top.map(([label]) => ({ label, colour: map.get(label)! }));
  const rest = by === 'community' ? 'In no group (or a smaller one)' : 'Other or not set';
  if (counts.size > top.length || graph.nodes.some((node) => !valueOf(node, by))) legend.push({ label: rest, colour: OTHER });
  return { colourOf: (node) => map.get(valueOf(node, by) ?? '') ?? OTHER, legend };
}

export const sizeOf = (node: Pick<GraphNode, 'depth'>) => [4, 7, 11][node.depth]!;

/** A stable starting place for each person (a hash of the id on a disc), so the layout starts the same each time. */
export function startPosition(id: number): { x: number; y: number } {
  const a = Math.sin(id * 12.9898) * 43758.5453;
  const b = Math.sin(id * 78.233) * 12345.6789;
  const angle = (a - Math.floor(a)) * Math.PI * 2;
  const radius = Math.sqrt(b - Math.floor(b)) * 100;
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

/**
 * Where everyone starts when this session has no layout yet: each group who know each other (the Open
 * section's communities; else an organization) around its own spot, the largest nearest the middle, and
 * people in no group on a ring outside. The first frame already shows the network's shape, and ForceAtlas2
 * refines it rather than untangling a random cloud. Stable: the same graph starts the same way.
 */
export function seededStarts(nodes: readonly Pick<GraphNode, 'id' | 'community' | 'organization'>[]): Map<string, { x: number; y: number }> {
  const groupOf = (node: Pick<GraphNode, 'community' | 'organization'>) => node.community ?? (node.organization ? `org:${node.organization}` : null);
  const sizes = new Map<string, number>();
  for (const node of nodes) {
    const group = groupOf(node);
    if (group) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  }
  const total = Math.max(1, nodes.length);
  // Groups on a sunflower spiral (golden angle), each on a disc whose area is its share of everyone.
  const centres = new Map<string, { x: number; y: number; radius: number }>();
  [...sizes.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .forEach(([group, size], index) => {
      const distance = 100 * Math.sqrt((index + 0.5) / Math.max(1, sizes.size));
      const angle = index * 2.399963;
      centres.set(group, { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance, radius: Math.max(4, 100 * Math.sqrt(size / total)) });
    });
  const starts = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const spot = startPosition(node.id);
    const group = groupOf(node);
    const centre = group ? centres.get(group) : undefined;
    if (centre) starts.set(String(node.id), { x: centre.x + (spot.x / 100) * centre.radius, y: centre.y + (spot.y / 100) * centre.radius });
    else {
      const length = Math.hypot(spot.x, spot.y) || 1;
      starts.set(String(node.id), { x: (spot.x / length) * (110 + length / 5), y: (spot.y / length) * (110 + length / 5) });
    }
  }
  return starts;
}

/** Above this many people the map drops the spokes from me to everyone: thousands of lines into one point hide the links between people. */
export const ME_SPOKES_MAX = 400;
/**
 * Above this many links a map is large: while the camera moves it is not drawn but its last frame moved as a
 * picture (map-renderer.ts), and a frame drawn then (a layout step mid-move) leaves links and labels out.
 */
export const HIDE_EDGES_ON_MOVE_FROM = 3000;

export interface LayoutPlan {
  /** Where each person starts: where the last layout left them, or a stable spot on a disc. */
  start: Map<string, { x: number; y: number }>;
  /** ForceAtlas2 iterations still to run; 0 when the last layout of this very graph is reused. */
  iterations: number;
  signature: string;
}

/**
 * Positions the map has computed this session, by the graph they were computed for. Kept in memory only
 * (never stored): coming back to the map, or a journal change that leaves the graph as it was, draws at
 * once with no layout; a changed graph starts from where everyone was and needs only a short settling.
 */
const placed = { signature: '', positions: new Map<string, { x: number; y: number }>() };

/** A cheap fingerprint of who is on the map and who is linked (FNV-1a over the ids). */
export function graphSignature(nodeKeys: readonly string[], edges: readonly (readonly [string, string])[]): string {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x2c, 0x01000193);
  };
  for (const key of nodeKeys) mix(key);
  for (const [a, b] of edges) mix(a < b ? `${a}-${b}` : `${b}-${a}`);
  return `${nodeKeys.length}:${edges.length}:${(hash >>> 0).toString(36)}`;
}

export function planLayout(nodeKeys: readonly string[], edges: readonly (readonly [string, string])[], startOf: (key: string) => { x: number; y: number }): LayoutPlan {
  const signature = graphSignature(nodeKeys, edges);
  const start = new Map<string, { x: number; y: number }>();
  let known = 0;
  for (const key of nodeKeys) {
    const position = placed.positions.get(key);
    if (position) known += 1;
    start.set(key, position ?? startOf(key));
  }
  const full = nodeKeys.length > 2000 ? 150 : 300;
  if (signature === placed.signature && known === nodeKeys.length) return { start, iterations: 0, signature };
  // Mostly placed already: a short run settles the newcomers without reshuffling everyone.
  const iterations = nodeKeys.length > 0 && known / nodeKeys.length >= 0.8 ? Math.ceil(full / 3) : full;
  return { start, iterations, signature };
}

export function rememberLayout(signature: string, positions: Iterable<[string, { x: number; y: number }]>): void {
  placed.signature = signature;
  placed.positions = new Map(positions);
}

export function forgetLayout(): void {
  placed.signature = '';
  placed.positions = new Map();
}
