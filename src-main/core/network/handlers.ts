import type { Kysely } from 'kysely';
import type { CallResult, ParsedInput } from '../../contract/contract.js';
import type { CallName } from '../../contract/names.js';
import type { Database } from '../db/schema.js';
import { createIntroduction, deleteIntroduction, fetchIntroductions, getIntroduction, introductionsToConsider, setOutcome } from './introductions.js';
import { acceptSuggestion, addLink, deleteLink, dismissSuggestion, fetchLinks, getLink, suggestions, updateLink } from './links.js';
import { RevisionCache } from './cache.js';
import { handoverPack } from './handover.js';
import { graphOf, loadNetwork, overviewOf, type Loaded } from './overview.js';

type NetworkCall = Extract<CallName, `links.${string}` | `introductions.${string}` | `network.${string}` | `handover.${string}`>;
type Handlers = { [K in NetworkCall]: (input: ParsedInput<K>) => Promise<CallResult<K>> };

/** The network capability's API; every write that belongs together is one transaction. */
export function networkHandlers(db: Kysely<Database>): Handlers {
  const now = (input?: { now?: string | null | undefined }) => input?.now ?? new Date().toISOString();
  // Without a clock passed in, figures hold for the hour: "active in the last 12 months" barely moves in one.
  const clockKey = (input?: { now?: string | null | undefined }) => input?.now ?? new Date().toISOString().slice(0, 13);
  const cache = new RevisionCache();
  const loaded = (input?: { now?: string | null | undefined }) => cache.get<Loaded>(db, `load:${clockKey(input)}`, () => loadNetwork(db, now(input)));
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
    // The screen and the map read the same rows: one read per revision and clock serves both (after a
    // write, whichever is asked second costs only its own counting).
    'network.overview': (input) =>
      cache.get(db, `overview:${input?.stage ?? ''}:${clockKey(input)}`, async () => overviewOf(await loaded(input), now(input), input?.stage ?? null)),
    'network.graph': (input) => cache.get(db, `graph:${clockKey(input)}`, async () => graphOf(await loaded(input))),
    'handover.export': (input) => handoverPack(db, input, now(input)),
  };
}
