import Sigma from 'sigma';
import { NodeCircleProgram } from 'sigma/rendering';
import type { CameraState, RenderParams } from 'sigma/types';

/** The layers of a drawn frame moved as one picture while the camera moves (see MapRenderer). */
const PICTURE = ['edges', 'nodes'] as const;
/**
 * Layers hidden while it moves: the labels, as sigma hides them on the move (text scaled as a picture blurs,
 * and each layer composed costs: 3 layers held p95 at 50 ms, 2 at 33), and those with nothing to show then
 * (no edge labels; the hover box belongs to a still frame).
 */
const HIDDEN_ON_MOVE = ['labels', 'edgeLabels', 'hovers', 'hoverNodes'] as const;

/**
 * Sigma as the map uses it (and, after a drag, see refresh).
 * - Sigma processes and draws the whole graph in its constructor, and the map then frames the people shown
 *   and processes and draws it all again, in the same task: at 5,000 people and 20,000 links, one task of
 *   most of a second. Here the constructor only sets up and indexes; the first process and draw comes once,
 *   at the next frame, in a task of its own.
 * - While the camera of a large map moves (the map sets hideEdgesOnMove for those), nothing is drawn: the
 *   last frame drawn is moved and scaled as a picture with a CSS transform, which the compositor does, as map
 *   apps do during a zoom gesture, and sigma draws a still frame once the camera stops. On a software GPU
 *   (SwiftShader, what a machine without a usable GPU gets) a frame of 5,000 nodes took 100 ms at p50 even
 *   with links and labels hidden, nearly all of it the GPU process finishing WebGL and composing sigma's
 *   seven full-size layers at each frame; the links and nodes moved as a picture, the other layers hidden,
 *   compose in a frame or two (bench/map-frames.ts). Until the still frame, zooming out or panning shows
 *   blank beyond the last frame's edges, and the labels are hidden (as sigma hid them on the move).
 * - Each still frame draws the nodes twice: on screen, and into the picking buffer that tells which person
 *   is under the pointer. Frames drawn while the camera moves (those a new layout or filter needs, see
 *   render) leave the picking pass out, as sigma leaves out links and labels: nobody points at a person then.
 */
export class MapRenderer extends Sigma {
  private constructed?: true;
  /** This frame is drawn while the camera moves (sigma's own test, the one that hides links and labels). */
  moving = false;
  /** The camera and the map's size the picture on screen was drawn for (null before the first frame). */
  private drawnFor: { camera: CameraState; width: number; height: number } | null = null;
  /** The picture is moved (its layers transformed, the others hidden). */
  private moved = false;

  constructor(...args: ConstructorParameters<typeof Sigma>) {
    super(...args);
    this.constructed = true;
    // Sigma's render is private in its types, and every frame it schedules calls it: wrapped on the instance.
    const self = this as unknown as { render: () => Sigma };
    const draw = self.render.bind(this);
    self.render = () => this.frame(draw);
    // Sigma's captor refreshes everything once a drag ends (a task later, after its "mouseup").
    this.getMouseCaptor().on('mouseup', () => {
      this.dragEnded = true;
      setTimeout(() => (this.dragEnded = false));
    });
  }

  /** A drag has just ended: the next bare refresh is the captor's (see refresh). */
  private dragEnded = false;

  override refresh(options?: Parameters<Sigma['refresh']>[0]): this {
    // The captor's refresh after a drag is there to draw the still frame that hideEdgesOnMove left out, and
    // reindexes every node and link for it (a long task at 20,000 links) though only the camera moved. A
    // large map draws that frame itself once the camera settles (MapView): here it is only a frame asked for.
    if (!options && this.dragEnded && this.getSetting('hideEdgesOnMove')) {
      this.dragEnded = false;
      this.scheduleRender();
      return this;
    }
    return super.refresh(this.constructed ? options : { ...options, schedule: true });
  }

  /** One frame: the picture moved if it can be, else drawn by sigma (`draw`). */
  private frame(draw: () => Sigma): this {
    const captor = this.getMouseCaptor() as unknown as { isMoving: boolean; draggedEvents: number; currentWheelDirection: number };
    this.moving = this.getCamera().isAnimated() || captor.isMoving || !!captor.draggedEvents || !!captor.currentWheelDirection;
    const self = this as unknown as { renderFrame: number | null; needToProcess: boolean };
    const drawn = this.drawnFor;
    const container = this.getContainer();
    // Moved as a picture only if what it shows is still right: no graph or reducer change waiting to be
    // drawn (a layout step, a filter), and the same size of map.
    if (this.moving && this.getSetting('hideEdgesOnMove') && drawn && !self.needToProcess && container.offsetWidth === drawn.width && container.offsetHeight === drawn.height) {
      // Called at a frame sigma scheduled: that frame is used now, so the next camera change schedules another.
      if (self.renderFrame !== null) cancelAnimationFrame(self.renderFrame);
      self.renderFrame = null;
      this.movePicture(drawn.camera);
      return this;
    }
    this.placePicture(null);
    draw();
    this.drawnFor = { camera: this.getCamera().getState(), width: container.offsetWidth, height: container.offsetHeight };
    return this;
  }

  /** Moves the layers so what was drawn for the camera `from` sits where the camera now puts it. */
  private movePicture(from: CameraState): void {
    const { width, height } = this.getDimensions();
    // Where the corners of the drawn picture land now: an affine map, rotation included (touch can rotate).
    // Both cameras said: without one, sigma uses the matrix of its last drawn frame.
    const camera = this.getCamera().getState();
    const now = (x: number, y: number) => this.framedGraphToViewport(this.viewportToFramedGraph({ x, y }, { cameraState: from }), { cameraState: camera });
    const origin = now(0, 0);
    const right = now(width, 0);
    const down = now(0, height);
    const matrix = [(right.x - origin.x) / width, (right.y - origin.y) / width, (down.x - origin.x) / height, (down.y - origin.y) / height, origin.x, origin.y];
    this.placePicture(matrix.every(Number.isFinite) ? `matrix(${matrix.join(',')})` : null);
  }

  /** Puts the picture where `transform` says (and the other layers away), or back in place for a drawn frame. */
  private placePicture(transform: string | null): void {
    if (transform === null && !this.moved) return;
    this.moved = transform !== null;
    const layers = this.getCanvases();
    for (const id of PICTURE) {
      const layer = layers[id];
      if (!layer) continue;
      layer.style.transformOrigin = '0 0';
      layer.style.transform = transform ?? '';
    }
    for (const id of HIDDEN_ON_MOVE) {
      const layer = layers[id];
      if (layer) layer.style.visibility = transform === null ? '' : 'hidden';
    }
  }
}

/** Sigma's circles, without their picking pass on frames drawn while the camera moves (see MapRenderer). */
export class MapCircleProgram extends NodeCircleProgram {
  override render(params: RenderParams): void {
    const map = this.renderer;
    if (!(map instanceof MapRenderer && map.moving && map.getSetting('hideEdgesOnMove'))) return super.render(params);
    const picking = this.pickProgram;
    this.pickProgram = null;
    try {
      super.render(params);
    } finally {
      this.pickProgram = picking;
    }
  }
}

/** Resolves in a task of its own after the next frame: long work in steps leaves the page a frame between them. */
export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
