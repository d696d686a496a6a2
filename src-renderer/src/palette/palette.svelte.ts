// The command palette (Ctrl/Cmd+K): open or closed, from anywhere.
class Palette {
  isOpen = $state(false);

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
