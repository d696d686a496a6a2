// The only module that touches the preload's bridge. Views call `api(...)` and get the value, or an
// ApiFailure carrying the readable message (and per-field messages) to show inline.
import type { ApiError, Bridge, CallInput, CallResult } from '../../../src-main/contract/contract';
import type { CallName } from '../../../src-main/contract/names';

declare global {
  interface Window {
    confidant: Bridge;
  }
}

export class ApiFailure extends Error {
  readonly code: string;
  readonly fields: Record<string, string>;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

/** What to show for a failed call or any other thrown value: the readable message, never a stack. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function api<K extends CallName>(name: K, ...input: undefined extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>]): Promise<CallResult<K>> {
  const call = window.confidant[name] as (input?: unknown) => Promise<{ ok: true; value: CallResult<K> } | { ok: false; error: ApiError }>;
  const result = await call(input[0]);
  if (!result.ok) {
    // The journal locked (auto-lock, another window) or became unavailable: App re-asks journal.status.
    if (result.error.code === 'journal-locked' || result.error.code === 'journal-unavailable') {
      window.dispatchEvent(new CustomEvent('confidant:journal-status'));
    }
    throw new ApiFailure(result.error);
  }
  return result.value;
}

export function onMenu(listener: (action: string) => void): () => void {
  return window.confidant.onMenu(listener);
}
