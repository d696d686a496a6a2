import type { Kysely } from 'kysely';
import type { CallResult, ParsedInput } from '../../contract/contract.js';
import type { CallName } from '../../contract/names.js';
import type { Database } from '../db/schema.js';
import { createIntroduction, deleteIntroduction, fetchIntroductions, getIntroduction, introductionsToConsider, setOutcome } from './introductions.js';
import { acceptSuggestion, addLink, deleteLink, dismissSuggestion, fetchLinks, getLink, suggestions, updateLink } from './links.js';
import { handoverPack } from './handover.js';
import { LiveNetwork } from './live.js';
import { egoReady, graphOf, overviewOf, type Loaded } from './overview.js';

type NetworkCall = Extract<CallName, `links.${string}` | `introductions.${string}` | `network.${string}` | `handover.${string}`>;
type Handlers = { [K in NetworkCall]: (input: ParsedInput<K>) => Promise<CallResult<K>> };

/** The network capability's API; every write that belongs together is one transaction. */
export function networkHandlers(db: Kysely<Database>): Handlers {
  const now = (input?: { now?: string | null | undefined }) => input?.now ?? new Date().toISOString();
  // The network read once and kept up to date write by write (live.ts); the screen's figures and the map's
  // graph are worked out once per state of it, and a call with nothing changed since costs a lookup.
  const live = new LiveNetwork(db);
  const answers = new WeakMap<Loaded, Map<string, unknown>>();
  const answer = async <T>(input: { now?: string | null | undefined } | undefined, key: string, work: (loaded: Loaded) => T): Promise<T> => {
    const loaded = await live.loaded(input?.now ?? null);
    await egoReady(loaded);
    const kept = answers.get(loaded) ?? answers.set(loaded, new Map()).get(loaded)!;
    if (!kept.has(key)) kept.set(key, work(loaded));
    return kept.get(key) as T;
  };
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
    'network.overview': (input) => answer(input, `overview:${input?.stage ?? ''}`, (loaded) => overviewOf(loaded, loaded.now, input?.stage ?? null)),
    'network.graph': (input) => answer(input, 'graph', graphOf),
    'handover.export': (input) => handoverPack(db, input, now(input)),
  };
}
