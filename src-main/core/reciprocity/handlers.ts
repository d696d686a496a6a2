import type { Kysely } from 'kysely';
import type { CallResult, ParsedInput } from '../../contract/contract.js';
import type { CallName } from '../../contract/names.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { getPerson } from '../people/people.js';
import { mergePeople } from '../people/merge.js';
import { asOf } from './clock.js';
import {
  createAsk,
  createCommitment,
  createExchange,
  createThanks,
  deleteRow,
  fetchThanks,
  getAsk,
  getCommitment,
  getExchange,
  resolveAsk,
  setCommitmentStatus,
  updateAsk,
  updateCommitment,
  updateExchange,
} from './items.js';
import { beforeAsk, dismissGiveFirst, ledger, personExchanges, personReciprocity, queuePage, queues, queueSummary, restoreGiveFirst, thanksOwed } from './ledger.js';

type ReciprocityCall = Extract<CallName, `exchanges.${string}` | `asks.${string}` | `thanks.${string}` | `commitments.${string}` | `giveFirst.${string}` | `reciprocity.${string}` | 'people.merge'>;
type Handlers = { [K in ReciprocityCall]: (input: ParsedInput<K>) => Promise<CallResult<K>> };

/** The reciprocity capability's API handlers; every write that belongs together is one transaction. */
export function reciprocityHandlers(db: Kysely<Database>): Handlers {
  const today = () => asOf().today;
  return {
    'people.merge': async ({ fromId, intoId }) => {
      await mergePeople(db, fromId, intoId);
      return getPerson(db, intoId);
    },
    'exchanges.create': async (fields) => getExchange(db, await db.transaction().execute((trx) => createExchange(trx, fields))),
    'exchanges.update': async ({ id, ...fields }) => {
      await db.transaction().execute((trx) => updateExchange(trx, id, fields));
      return getExchange(db, id);
    },
    'exchanges.delete': ({ id }) => deleteRow(db, 'exchanges', id, 'exchange'),
    'asks.create': async (fields) => getAsk(db, await db.transaction().execute((trx) => createAsk(trx, fields))),
    'asks.update': async ({ id, ...fields }) => {
      await db.transaction().execute((trx) => updateAsk(trx, id, fields));
      return getAsk(db, id);
    },
    'asks.resolve': async (input) => getAsk(db, await resolveAsk(db, input)),
    'asks.delete': ({ id }) => deleteRow(db, 'asks', id, 'ask'),
    'thanks.create': async (input) => {
      const id = await createThanks(db, input);
      const [thanks] = await fetchThanks(db, { ids: [id] });
      return thanks!;
    },
    'thanks.delete': ({ id }) => deleteRow(db, 'thanks', id, 'thank-you'),
    'commitments.create': async (fields) => getCommitment(db, await db.transaction().execute((trx) => createCommitment(trx, fields)), today()),
    'commitments.update': async ({ id, ...fields }) => {
      await db.transaction().execute((trx) => updateCommitment(trx, id, fields));
      return getCommitment(db, id, today());
    },
    'commitments.setStatus': async (input) => {
      await db.transaction().execute((trx) => setCommitmentStatus(trx, input, today()));
      return getCommitment(db, input.id, today());
    },
    'commitments.delete': ({ id }) => deleteRow(db, 'commitments', id, 'commitment'),
    'giveFirst.dismiss': async ({ personId, snoozeUntil }) => {
      await dismissGiveFirst(db, personId, snoozeUntil ?? null, asOf());
      return { personId };
    },
    'giveFirst.restore': async ({ personId }) => {
      await restoreGiveFirst(db, personId);
      return { personId };
    },
    'reciprocity.ledger': (input) => ledger(db, input, asOf()),
    'reciprocity.queues': (input) => queues(db, asOf(input ?? {})),
    'reciprocity.queue': ({ list, limit, ...clock }) => queuePage(db, list, limit, asOf(clock)),
    'reciprocity.queueSummary': (input) => queueSummary(db, asOf(input ?? {})),
    'reciprocity.thanksOwed': ({ personIds, ...clock }) => thanksOwed(db, asOf(clock), { personIds: [...new Set(personIds)] }),
    'reciprocity.person': async ({ personId, ...clock }) => personReciprocity(db, personId, asOf(clock)),
    'reciprocity.exchanges': async ({ personId, after, limit }) => {
      if (!(await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst())) throw notFound('person', personId);
      return personExchanges(db, personId, after, limit);
    },
    'reciprocity.beforeAsk': async ({ personIds, ...clock }) => {
      const at = asOf(clock);
      return Promise.all([...new Set(personIds)].map((personId) => beforeAsk(db, personId, at)));
    },
  };
}
