import type { JournalSession } from '../../src-main/core/index.js';

// For the specs and the screenshots of the network screen's waiting states: on a small journal the core
// works the figures out at once, so these hold its answers where a big journal would take its time.

/**
 * The core's network.overview as a big journal would answer it: held while `held` (the first count of all,
 * or the call that waits for new figures), and, while `recomputing`, answering a call that does not wait
 * with the last figures it gave, marked updating.
 */
export function slowNetwork(journal: JournalSession) {
  const original = journal.call.bind(journal);
  let open = () => {};
  let gate: Promise<void> | null = null;
  let last: object | null = null;
  const core = {
    recomputing: false,
    hold: () => void (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => {
      gate = null;
      open();
    },
  };
  journal.call = async (name: unknown, input?: unknown) => {
    if (name !== 'network.overview') return original(name, input);
    const wait = (input as { wait?: boolean } | undefined)?.wait === true;
    if (core.recomputing && !wait && last) return { ok: true, value: { ...last, updating: true } };
    if (gate) await gate;
    const result = await original(name, input);
    if (result.ok) last = result.value as object;
    return result;
  };
  return core;
}
