import type { InteractionKind } from '../../../src-main/contract/contract';

/** Someone picked in the log form: an existing person, or a new name (id null) to create on save. */
export interface Picked {
  id: number | null;
  name: string;
}

export interface LogValues {
  picked: Picked[];
  occurredAt: string;
  kind: InteractionKind;
  title: string;
  location: string;
  notes: string;
  confidential: boolean;
}

// A new entry closed without saving (Escape, a click outside) is kept here, in memory only, and offered
// back the next time the dialog opens: notes typed in the minute after a meeting should not vanish.
let kept: LogValues | null = null;

export const draft = {
  /** Pass a plain snapshot ($state.snapshot), not live state. */
  keep(values: LogValues): void {
    kept = values;
  },
  take(): LogValues | null {
    const values = kept;
    kept = null;
    return values;
  },
};
