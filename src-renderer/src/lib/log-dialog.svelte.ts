import type { InteractionKind } from '../../../src-main/contract/contract';

/** A new entry filled in from somewhere else (a calendar meeting): saved, it is linked back to it. */
export interface LogPrefill {
  occurredAt: string;
  kind: InteractionKind;
  title: string;
  location: string | null;
  personIds: number[];
  calendarOccurrenceId: number | null;
}

// The "Log interaction" dialog, reachable from anywhere (Ctrl/Cmd+N). Opened to log a new interaction
// (optionally with people already picked) or to edit an existing one.
class LogDialog {
  isOpen = $state(false);
  editId = $state<number | null>(null);
  presetPersonIds = $state<number[]>([]);
  /** Opened from an association: a new event there. */
  presetAssociationId = $state<number | null>(null);
  /** Opened from a meeting to log: time, people, kind, title and place already filled in. */
  prefill = $state<LogPrefill | null>(null);

  open(options: { editId?: number; personIds?: number[]; associationId?: number } = {}): void {
    this.editId = options.editId ?? null;
    this.presetPersonIds = options.personIds ?? [];
    this.presetAssociationId = options.associationId ?? null;
    this.prefill = null;
    this.isOpen = true;
  }

  /** Opens a new entry filled in from a meeting (no draft is restored over it). */
  openPrefilled(prefill: LogPrefill): void {
    this.open({ personIds: prefill.personIds });
    this.prefill = prefill;
  }

  close(): void {
    this.isOpen = false;
    this.editId = null;
    this.presetPersonIds = [];
    this.presetAssociationId = null;
    this.prefill = null;
  }
}

export const logDialog = new LogDialog();
