import type { AskDirection, AskStatus, CommitmentDirection, CommitmentStatus, ExchangeDirection, ExchangeKind, InteractionKind } from '../../../src-main/contract/contract';

/** Someone picked in the log form: an existing person, or a new name (id null) to create on save. */
export interface Picked {
  id: number | null;
  name: string;
}

/** A give or receive, ask or promise typed into the log form; personId null means everyone met. */
export interface DraftExchange {
  key: number;
  id?: number;
  direction: ExchangeDirection;
  kind: ExchangeKind;
  description: string;
  personId: number | null;
}

export interface DraftAsk {
  key: number;
  id?: number;
  direction: AskDirection;
  description: string;
  status: AskStatus;
  personId: number | null;
}

export interface DraftCommitment {
  key: number;
  id?: number;
  direction: CommitmentDirection;
  description: string;
  dueOn: string;
  status: CommitmentStatus;
  doneOn: string | null;
  personId: number | null;
}

export interface LogItems {
  exchanges: DraftExchange[];
  asks: DraftAsk[];
  commitments: DraftCommitment[];
  /** Received help (exchange ids) this interaction said thanks for. */
  thanked: number[];
}

export const noItems = (): LogItems => ({ exchanges: [], asks: [], commitments: [], thanked: [] });

export interface LogValues extends LogItems {
  picked: Picked[];
  occurredAt: string;
  kind: InteractionKind;
  /** The association that held an event; ignored for other kinds. */
  associationId: number | null;
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
