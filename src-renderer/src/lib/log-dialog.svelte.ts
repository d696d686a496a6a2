// The "Log interaction" dialog, reachable from anywhere (Ctrl/Cmd+N). Opened to log a new interaction
// (optionally with people already picked) or to edit an existing one.
class LogDialog {
  isOpen = $state(false);
  editId = $state<number | null>(null);
  presetPersonIds = $state<number[]>([]);

  open(options: { editId?: number; personIds?: number[] } = {}): void {
    this.editId = options.editId ?? null;
    this.presetPersonIds = options.personIds ?? [];
    this.isOpen = true;
  }

  close(): void {
    this.isOpen = false;
    this.editId = null;
    this.presetPersonIds = [];
  }
}

export const logDialog = new LogDialog();
