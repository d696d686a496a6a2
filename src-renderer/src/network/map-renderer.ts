import Sigma from 'sigma';

/**
 * Sigma as the map uses it. Sigma processes and draws the whole graph in its constructor, and the map then
 * frames the people shown and processes and draws it all again, in the same task: at 5,000 people and
 * 20,000 links, one task of most of a second. Here the constructor only sets up and indexes; the first
 * process and draw comes once, at the next frame, in a task of its own.
 */
export class MapRenderer extends Sigma {
  private constructed?: true;

  constructor(...args: ConstructorParameters<typeof Sigma>) {
    super(...args);
    this.constructed = true;
  }

  override refresh(options?: Parameters<Sigma['refresh']>[0]): this {
    return super.refresh(this.constructed ? options : { ...options, schedule: true });
  }
}

/** Resolves in a task of its own after the next frame: long work in steps leaves the page a frame between them. */
export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
