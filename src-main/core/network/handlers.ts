import type { Kysely } from 'kysely';
import type { CallResult, NetworkOverview, ParsedInput } from '../../contract/contract.js';
import type { CallName } from '../../contract/names.js';
import type { Database } from '../db/schema.js';
import { within } from '../within.js';
import { createIntroduction, deleteIntroduction, fetchIntroductions, getIntroduction, introductionsToConsider, setOutcome } from './introductions.js';
import { acceptSuggestion, addLink, deleteLink, dismissSuggestion, fetchLinks, getLink, suggestions, updateLink } from './links.js';
import { handoverPack } from './handover.js';
import { LiveNetwork } from './live.js';
import { egoReady, graphInSlices, overviewInSlices, type Loaded } from './overview.js';

type NetworkCall = Extract<CallName, `links.${string}` | `introductions.${string}` | `network.${string}` | `handover.${string}`>;
type Handlers = { [K in NetworkCall]: (input: ParsedInput<K>) => Promise<CallResult<K>> };

/** How long a call waits for figures being worked out again before it answers with the last ones, marked updating. */
export const FRESH_WITHIN_MS = 40;

/** The network capability's API; every write that belongs together is one transaction. */
export function networkHandlers(db: Kysely<Database>, { freshWithinMs = FRESH_WITHIN_MS }: { freshWithinMs?: number } = {}): Handlers {
  const now = (input?: { now?: string | null | undefined }) => input?.now ?? new Date().toISOString();
  // The network read once and kept up to date write by write (live.ts); the screen's figures and the map's
  // graph are worked out once per state of it, and a call with nothing changed since costs a lookup.
  const live = new LiveNetwork(db);
  const answers = new WeakMap<Loaded, Map<string, unknown>>();
  // The answer being worked out (in slices) is kept too: two calls on one state share one run.
  const keptFor = <T>(loaded: Loaded, key: string, work: (loaded: Loaded) => Promise<T>): Promise<T> => {
    const kept = answers.get(loaded) ?? answers.set(loaded, new Map()).get(loaded)!;
    if (!kept.has(key)) {
      const run = work(loaded);
      kept.set(key, run);
      run.catch(() => kept.delete(key));
    }
    return kept.get(key) as Promise<T>;
  };
  /** The last state whose measures are worked out, and how many refreshes are running now. */
  let last: Loaded | null = null;
  let refreshing = 0;
  const ready = async (input: { now?: string | null | undefined } | undefined): Promise<Loaded> => {
    refreshing += 1;
    try {
      const loaded = await live.loaded(input?.now ?? null);
      await egoReady(loaded);
      last = loaded;
      return loaded;
    } finally {
      refreshing -= 1;
    }
  };
  const answer = async <T>(input: { now?: string | null | undefined } | undefined, key: string, work: (loaded: Loaded) => Promise<T>): Promise<T> => keptFor(await ready(input), key, work);
  /**
   * The screen's figures and the map's graph without waiting on a recompute: a reread or new communities run
   * in slices for seconds at 100,000 interactions, and a call queued behind them (a second screen, a change of
   * lens, the map) would wait for all of it. So while one runs, or when this call's own refresh is not done
   * within a moment, the last answer comes at once, marked updating; the refresh goes on, and `wait` asks for
   * its result.
   */
  const latest = async <T extends { updating: boolean }>(
    input: { now?: string | null | undefined; wait?: boolean | undefined } | undefined,
    key: string,
    work: (loaded: Loaded) => Promise<T>,
  ): Promise<T> => {
    // A call that names its clock asks for the answer as of it, which the last one is not: it waits.
    const earlier = input?.wait || input?.now ? null : last;
    const stale = async () => ({ ...(await keptFor(earlier!, key, work)), updating: true });
    if (earlier && refreshing > 0) {
      // The running refresh brings `last` up to date; this call's own clock is read by the next one.
      return stale();
    }
    const fresh = answer(input, key, work);
    if (!earlier) return fresh;
    fresh.catch(() => undefined);
    const first = await within(fresh, freshWithinMs);
    return first.done ? first.value : stale();
  };
  const overview = (input: ParsedInput<'network.overview'>): Promise<NetworkOverview> =>
    latest(input, `overview:${input?.stage ?? ''}`, (loaded) => overviewInSlices(loaded, loaded.now, input?.stage ?? null));
  return {
    'links.list': (input) => fetchLinks(db, { personId: input?.personId ?? null }),
    'links.create': async (fields) => getLink(db, await db.transaction().execute((trx) => addLink(trx, fields))),
    'links.update': async (input) => {
      await db.transaction().execute((trx) => updateLink(trx, input));
      return getLink(db, input.id);
    },
    'links.delete': ({ id }) => deleteLink(db, id),
    // Read from the pairs the triggers keep (migration 9): fast enough to need no cache.
    'links.suggestions': (input) => suggestions(db, { personId: input?.personId ?? null, limit: input?.limit ?? 50 }),
    'links.accept': async ({ personAId, personBId }) => getLink(db, await db.transaction().execute((trx) => acceptSuggestion(trx, personAId, personBId))),
    'links.dismiss': async ({ personAId, personBId }) => {
      await dismissSuggestion(db, personAId, personBId);
      return { personAId, personBId };
    },
    'introductions.list': (input) => fetchIntroductions(db, { personId: input?.personId ?? null }),
    'introductions.create': async (input) => getIntroduction(db, await db.transaction().execute((trx) => createIntroduction(trx, input))),
    'introductions.setOutcome': async (input) => {
      await setOutcome(db, input);
      return getIntroduction(db, input.id);
    },
    'introductions.delete': ({ id }) => db.transaction().execute((trx) => deleteIntroduction(trx, id)),
    'introductions.toConsider': (input) => introductionsToConsider(db, input?.limit ?? 20),
    'network.overview': overview,
    'network.graph': (input) => latest(input, 'graph', (loaded) => graphInSlices(loaded)),
    'handover.export': (input) => handoverPack(db, input, now(input)),
  };
}
