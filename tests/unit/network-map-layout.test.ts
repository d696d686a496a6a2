// The map's layout plan: positions are kept for the session, so a second visit to the same graph needs no
// layout at all, a changed graph only a short settling from where everyone was, and a new one a full run.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphNode } from '../../src-main/contract/contract.js';
import { colours, forgetLayout, graphSignature, planLayout, rememberLayout, seededStarts } from '../../src-renderer/src/network/map.js';

const disc = (key: string) => ({ x: Number(key.length), y: -1 });
const keys = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

describe('graphSignature', () => {
  it('is the same for the same people and links in any direction, and differs when either changes', () => {
    const a = graphSignature(['1', '2', '3'], [['1', '2'], ['2', '3']]);
    expect(graphSignature(['1', '2', '3'], [['2', '1'], ['3', '2']])).toBe(a);
    expect(graphSignature(['1', '2', '3'], [['1', '2'], ['1', '3']])).not.toBe(a);
    expect(graphSignature(['1', '2', '4'], [['1', '2'], ['2', '3']])).not.toBe(a);
  });
});

describe('planLayout', () => {
  beforeEach(() => forgetLayout());

  it('runs the full layout the first time, from the stable starting spots', () => {
    const plan = planLayout(keys(10), [['1', '2']], disc);
    expect(plan.iterations).toBe(300);
    expect(plan.start.get('10')).toEqual({ x: 2, y: -1 });
    // A large map runs fewer iterations: each one costs more, and the worker must finish in seconds.
    expect(planLayout(keys(2500), [], disc).iterations).toBe(150);
  });

  it('reuses the positions of the very same graph with no layout at all', () => {
    const first = planLayout(keys(10), [['1', '2']], disc);
    rememberLayout(first.signature, keys(10).map((key, i) => [key, { x: i * 10, y: i }]));
    const again = planLayout(keys(10), [['1', '2']], disc);
    expect(again.iterations).toBe(0);
    expect(again.start.get('4')).toEqual({ x: 30, y: 3 });
  });

  it('settles a graph that changed a little from where everyone was, in a third of the run', () => {
    const first = planLayout(keys(10), [['1', '2']], disc);
    rememberLayout(first.signature, keys(10).map((key, i) => [key, { x: i * 10, y: i }]));
    const grown = planLayout(keys(11), [['1', '2'], ['3', '11']], disc);
    expect(grown.iterations).toBe(100);
    expect(grown.start.get('4')).toEqual({ x: 30, y: 3 });
    expect(grown.start.get('11')).toEqual({ x: 2, y: -1 });
  });

  it('lays out again in full when most people are new, and after a layout left half-way', () => {
    rememberLayout('', keys(3).map((key) => [key, { x: 1, y: 1 }]));
    expect(planLayout(keys(10), [], disc).iterations).toBe(300);
    rememberLayout('', keys(10).map((key) => [key, { x: 1, y: 1 }]));
    // Everyone placed, but by a run that never finished: a short one finishes it.
    expect(planLayout(keys(10), [], disc).iterations).toBe(100);
  });
});

describe('colours', () => {
  const node = (id: number, community: string | null): GraphNode => ({
    id, name: `P${id}`, organization: null, role: null, level: null, insideOrg: null, department: null, allyRole: null,
    active: true, depth: 0, interactions: 1, lastInteractionAt: null, community,
  });

  it('by community: one colour per group, largest first, and the people in none share grey', () => {
    const nodes = [node(1, 'Group 1'), node(2, 'Group 1'), node(3, 'Group 1'), node(4, 'Group 2'), node(5, 'Group 2'), node(6, null)];
    const { colourOf, legend } = colours({ nodes, edges: [], updating: false }, 'community');
    expect(legend.map((item) => item.label)).toEqual(['Group 1', 'Group 2', 'In no group (or a smaller one)']);
    expect(colourOf(nodes[0]!)).toBe(colourOf(nodes[2]!));
    expect(colourOf(nodes[0]!)).not.toBe(colourOf(nodes[3]!));
    expect(colourOf(nodes[5]!)).toBe(legend[2]!.colour);
  });
});

describe('seededStarts', () => {
  const node = (id: number, community: string | null, organization: string | null = null) => ({ id, community, organization });
  const mean = (points: { x: number; y: number }[]) => ({ x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length });
  const spread = (points: { x: number; y: number }[]) => {
    const centre = mean(points);
    return Math.max(...points.map((p) => Math.hypot(p.x - centre.x, p.y - centre.y)));
  };

  it('starts each group around its own spot, so the first frame already shows the groups, and is the same every time', () => {
    const nodes = [
      ...Array.from({ length: 40 }, (_, i) => node(i + 1, 'Group 1')),
      ...Array.from({ length: 40 }, (_, i) => node(i + 41, null, 'Contoso')),
      ...Array.from({ length: 20 }, (_, i) => node(i + 81, null)),
    ];
    const starts = seededStarts(nodes);
    expect(seededStarts(nodes)).toEqual(starts);
    const at = (from: number, to: number) => nodes.slice(from, to).map((n) => starts.get(String(n.id))!);
    const [group, org, loners] = [at(0, 40), at(40, 80), at(80, 100)];
    const apart = Math.hypot(mean(group).x - mean(org).x, mean(group).y - mean(org).y);
    // Two groups' spots are further apart than either group is wide.
    expect(apart).toBeGreaterThan(spread(group));
    expect(apart).toBeGreaterThan(spread(org));
    // People in no group wait on a ring outside the groups.
    for (const p of loners) expect(Math.hypot(p.x, p.y)).toBeGreaterThanOrEqual(110);
    for (const p of [...group, ...org]) expect(Math.hypot(p.x, p.y)).toBeLessThan(110 + 1e-9 + spread(group));
  });
});
