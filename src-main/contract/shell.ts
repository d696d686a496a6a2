import { z } from 'zod';

// Calls the shell answers itself, in main, not the journal worker: native dialogs, the file manager,
// quitting and restarting. Shape shared with #8 (desktop shell), which owns their handlers in
// src-main/shell/shell-calls.ts; the E2E harness answers them with Node equivalents.

const path = z.string({ error: 'A path must be text.' }).min(1, { error: 'A path is required.' }).max(4096, { error: 'That path is too long.' });
const none = z.object({}, { error: 'This request takes no input.' }).strict().optional();

export const shellContract = {
  'app.quit': { input: none, result: of<null>() },
  /** Stops the journal worker and starts it again on the same file (after the other program let go, say). */
  'app.restartJournal': { input: none, result: of<null>() },
  'app.showInFolder': { input: z.object({ path }).strict(), result: of<null>() },
  /** Shows an open dialog and restarts the journal on the file chosen; null when cancelled. */
  'app.openAnother': { input: none, result: of<{ path: string } | null>() },
  /** Shows a folder dialog; null when cancelled. */
  'app.pickFolder': { input: z.object({ title: z.string().max(200).optional() }).strict().optional(), result: of<{ path: string } | null>() },
} as const;

function of<T>(): T {
  return undefined as T;
}

export type ShellContract = typeof shellContract;
export type ShellCallName = keyof ShellContract;
