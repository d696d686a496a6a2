// The entry the user just saved or restored, so whichever timeline is showing can scroll to it and
// light it up once, without the dialog knowing which view is behind it.
export interface SpotlightTarget {
  id: number;
  occurredAt: string;
}

class Spotlight {
  target = $state.raw<(SpotlightTarget & { at: number }) | null>(null);
  /** How many timelines are on screen to show the next target; none means the saver should offer a way there. */
  watchers = 0;

  show(target: SpotlightTarget): void {
    this.target = { id: target.id, occurredAt: target.occurredAt, at: Date.now() };
  }

  /** A timeline that mounts just after a save (the first entry replaces the welcome screen) still shows it. */
  get fresh(): SpotlightTarget | null {
    return this.target && Date.now() - this.target.at < 5000 ? this.target : null;
  }
}

export const spotlight = new Spotlight();
