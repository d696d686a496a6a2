import { onDestroy } from 'svelte';
import { errorMessage } from './api';

/**
 * An answer the core may give before its newest figures are worked out (after a write they are worked out in
 * slices, network/handlers.ts): then it is the last figures, marked updating, and asking again with `wait`
 * brings the new ones.
 */
export interface MaybeUpdating {
  updating: boolean;
}

/**
 * "Ask, then ask again while the answer is updating", written once for the views that show such answers.
 * The function it returns calls `ask(false)` and hands the answer to `show`; while the answer is marked
 * updating it asks again with `wait` and hands that one over too (`waited` true), so the view decides what
 * it does with a stale answer. An answer to a call older than the latest one is dropped, and once the
 * component is destroyed every answer is, and the asking stops. Call it during component setup.
 */
export function untilSettled<T extends MaybeUpdating>(
  ask: (wait: boolean) => Promise<T>,
  show: (answer: T, waited: boolean) => void,
  failed: (message: string) => void,
): () => Promise<void> {
  let calls = 0;
  let destroyed = false;
  onDestroy(() => (destroyed = true));
  return async () => {
    const mine = ++calls;
    const current = () => !destroyed && mine === calls;
    try {
      let next = await ask(false);
      if (!current()) return;
      show(next, false);
      while (next.updating) {
        next = await ask(true);
        if (!current()) return;
        show(next, true);
      }
    } catch (failure) {
      if (current()) failed(errorMessage(failure));
    }
  };
}
