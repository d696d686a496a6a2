// The command palette (Ctrl/Cmd+K): open or closed, from anywhere.
import type Fuse from 'fuse.js';

class Palette {
  isOpen = $state(false);
  /**
   * fuse.js (about 49 kB), for the palette's fuzzy matches: its own chunk, not in the window's first bundle
   * (#11). The palette itself stays in that bundle, so the letters typed right after Ctrl+K land in its
   * field; until fuse.js is here it matches by the start of a name or of a word of it, which is all it
   * does for three letters or fewer anyway.
   */
  fuzzy = $state.raw<typeof Fuse | null>(null);
  #fetching: Promise<void> | null = null;

  /** Fetches fuse.js once (the app asks when idle after the first screen, the palette when it opens). */
  loadFuzzy(): void {
    this.#fetching ??= import('fuse.js').then(
      (module) => {
        this.fuzzy = module.default;
      },
      () => {
        // Offline chunks cannot fail to load, but a later opening may try again.
        this.#fetching = null;
      },
    );
  }

  open(): void {
    this.isOpen = true;
  }

  close(): void {
    this.isOpen = false;
  }

  toggle(): void {
    this.isOpen = !this.isOpen;
  }
}

export const palette = new Palette();
