// ForceAtlas2 off the main thread. graphology-layout-forceatlas2's own worker builds itself from a blob:
// URL, which the app's Content-Security-Policy (script-src 'self') rightly refuses; this worker is a file
// of the bundle instead and runs the same library's iterations, posting positions after each batch so the
// map settles in view while the page stays responsive.
import { UndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutRequest {
  nodes: { key: string; x: number; y: number; size: number }[];
  edges: [string, string][];
  /** Total iterations; positions are posted every `batch`. */
  iterations: number;
  batch: number;
}
export interface LayoutProgress {
  positions: Float64Array;
  done: boolean;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, edges, iterations, batch } = event.data;
  const graph = new UndirectedGraph();
  for (const node of nodes) graph.addNode(node.key, { x: node.x, y: node.y, size: node.size });
  for (const [a, b] of edges) if (graph.hasNode(a) && graph.hasNode(b) && a !== b) graph.mergeEdge(a, b);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: false };
  for (let done = 0; done < iterations; done += batch) {
    forceAtlas2.assign(graph, { iterations: batch, settings });
    const positions = new Float64Array(nodes.length * 2);
    nodes.forEach((node, index) => {
      positions[index * 2] = graph.getNodeAttribute(node.key, 'x') as number;
      positions[index * 2 + 1] = graph.getNodeAttribute(node.key, 'y') as number;
    });
    const message: LayoutProgress = { positions, done: done + batch >= iterations };
    (self as unknown as Worker).postMessage(message, [positions.buffer]);
  }
};
