/**
 * Waits for `work` at most `ms`. `{ done: true, value }` when it settled in time; `{ done: false }` when it
 * did not (it goes on, and the caller decides what to do meanwhile). A rejection in time is passed on. The
 * timer never outlives the wait.
 */
export async function within<T>(work: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<{ done: false }>((resolve) => (timer = setTimeout(() => resolve({ done: false }), ms)));
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
