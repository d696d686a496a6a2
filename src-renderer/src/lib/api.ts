// The only module that touches the preload's bridge. Views call `api(...)` and get the value, or an
// ApiFailure carrying the readable message (and per-field messages) to show inline.
import type { ApiError, Bridge, CallInput, CallResult } from '../../../src-main/contract/contract';
import type { ShellInput, ShellResult } from '../../../src-main/contract/shell';
import type { CallName, ShellCallName } from '../../../src-main/contract/names';

/** The first reads early.ts asked before the app's modules ran, each with its input and the bridge's answer. */
export type EarlyAnswers = Partial<Record<'journal.status' | 'journal.info' | 'interactions.timeline', { input: unknown; answer: Promise<unknown> }>>;

declare global {
  interface Window {
    confidant: Bridge;
    /** early.ts's answers until main.ts drops them; null once dropped (a late early.ts then asks nothing). */
    __confidantEarly?: EarlyAnswers | null;
  }
}

/** The call's early answer (early.ts), taken once, when it was asked with the same input; else null. */
function takeEarly(name: string, input: unknown): Promise<unknown> | null {
  const early = window.__confidantEarly?.[name as keyof EarlyAnswers];
  if (!early || JSON.stringify(early.input) !== JSON.stringify(input)) return null;
  delete window.__confidantEarly![name as keyof EarlyAnswers];
  return early.answer;
}

/**
 * After main.ts has asked its first reads (which take early.ts's answers): any answer left is dropped, so
 * no later call ever takes one from before a write.
 */
export function dropEarlyAnswers(): void {
  window.__confidantEarly = null;
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
  const result = await ((takeEarly(name, input[0]) as ReturnType<typeof call> | null) ?? call(input[0]));
  if (!result.ok) {
    // The journal stopped or could not open: the app asks journal.status and shows why.
    if (result.error.code === 'journal-unavailable') for (const listener of unavailableListeners) listener();
    throw new ApiFailure(result.error);
  }
  return result.value;
}

/** The shell's own calls (dialogs, settings, quit, restart the journal), answered by main. */
export async function shellApi<K extends ShellCallName>(name: K, ...input: undefined extends ShellInput<K> ? [input?: ShellInput<K>] : [input: ShellInput<K>]): Promise<ShellResult<K>> {
  const call = window.confidant[name] as (input?: unknown) => Promise<{ ok: true; value: ShellResult<K> } | { ok: false; error: ApiError }>;
  const result = await call(input[0]);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

const unavailableListeners = new Set<() => void>();

/** Called whenever a journal call fails because the journal is unavailable. */
export function onUnavailable(listener: () => void): () => void {
  unavailableListeners.add(listener);
  return () => unavailableListeners.delete(listener);
}

export function onMenu(listener: (action: string) => void): () => void {
  return window.confidant.onMenu(listener);
}
