// The "Log interaction" dialog, reachable from anywhere (Ctrl/Cmd+N). Opened to log a new interaction
// (optionally with people already picked) or to edit an existing one.
class LogDialog {
  isOpen = $state(false);
  editId = $state<number | null>(null);
  presetPersonIds = $state<number[]>([]);
  /** Opened from an association: a new event there. */
  presetAssociationId = $state<number | null>(null);

  open(options: { editId?: number; personIds?: number[]; associationId?: number } = {}): void {
    this.editId = options.editId ?? null;
    this.presetPersonIds = options.personIds ?? [];
    this.presetAssociationId = options.associationId ?? null;
    this.isOpen = true;
  }

  close(): void {
    this.isOpen = false;
    this.editId = null;
    this.presetPersonIds = [];
    this.presetAssociationId = null;
  }
}

export const logDialog = new LogDialog();
