import Sigma from 'sigma';
import { NodeCircleProgram } from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';

/**
 * Sigma as the map uses it, in two ways.
 * - Sigma processes and draws the whole graph in its constructor, and the map then frames the people shown
 *   and processes and draws it all again, in the same task: at 5,000 people and 20,000 links, one task of
 *   most of a second. Here the constructor only sets up and indexes; the first process and draw comes once,
 *   at the next frame, in a task of its own.
 * - Each frame draws the nodes twice: on screen, and into the picking buffer that tells which person is
 *   under the pointer. When links hide on the move, the picking pass is left out of frames drawn while the
 *   camera moves (a third of such a frame on a software GPU): nobody points at a person then, and sigma draws
 *   a still frame, with links and picking, once the camera stops.
 */
export class MapRenderer extends Sigma {
  private constructed?: true;
  /** This frame is drawn while the camera moves (sigma's own test, the one that hides links and labels). */
  moving = false;

  constructor(...args: ConstructorParameters<typeof Sigma>) {
    super(...args);
    this.constructed = true;
    this.on('beforeRender', () => {
      const captor = this.getMouseCaptor() as unknown as { isMoving: boolean; draggedEvents: number; currentWheelDirection: number };
      this.moving = this.getCamera().isAnimated() || captor.isMoving || !!captor.draggedEvents || !!captor.currentWheelDirection;
    });
  }

  override refresh(options?: Parameters<Sigma['refresh']>[0]): this {
    return super.refresh(this.constructed ? options : { ...options, schedule: true });
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
