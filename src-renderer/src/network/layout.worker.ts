// ForceAtlas2 off the main thread. graphology-layout-forceatlas2's own worker builds itself from a blob:
// URL, which the app's Content-Security-Policy (script-src 'self') rightly refuses; this worker is a file
// of the bundle instead and runs the same library's iterations. Every position it posts makes the map
// re-process the whole graph on the main thread (thousands of nodes and links), so a large graph gets an
// interim picture at most every `interimMs` and then the final one, not one per batch.
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutRequest {
  nodes: { key: string; x: number; y: number; size: number }[];
  edges: [string, string][];
  /** Total iterations. */
  iterations: number;
  /** Least time between two interim posts; 0 posts after every batch (small graphs settle in view). */
  interimMs: number;
}
export interface LayoutProgress {
  /** x, y of request.nodes[i] at 2i, 2i+1. */
  positions: Float64Array;
  done: boolean;
}

const BATCH = 10;

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, edges, iterations, interimMs } = event.data;
  const graph = new UndirectedGraph();
  for (const node of nodes) graph.addNode(node.key, { x: node.x, y: node.y, size: node.size });
  for (const [a, b] of edges) if (graph.hasNode(a) && graph.hasNode(b) && a !== b) graph.mergeEdge(a, b);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: false };
  let posted = performance.now();
  for (let done = 0; done < iterations; ) {
    forceAtlas2.assign(graph, { iterations: Math.min(BATCH, iterations - done), settings });
    done += BATCH;
    const finished = done >= iterations;
    if (!finished && performance.now() - posted < interimMs) continue;
    const positions = new Float64Array(nodes.length * 2);
    nodes.forEach((node, index) => {
      positions[index * 2] = graph.getNodeAttribute(node.key, 'x') as number;
      positions[index * 2 + 1] = graph.getNodeAttribute(node.key, 'y') as number;
    });
    const message: LayoutProgress = { positions, done: finished };
    (self as unknown as Worker).postMessage(message, [positions.buffer]);
    posted = performance.now();
  }
};
