import type { Kysely } from 'kysely';
import type { CallResult, ParsedInput } from '../../contract/contract.js';
import type { CallName } from '../../contract/names.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { asOf } from '../reciprocity/clock.js';
import { reviewMarkdown } from '../review/markdown.js';
import { quarterReview, reviewOverdue, reviewThanksOwed } from '../review/review.js';
import { associationEvents, createAssociation, deleteAssociation, getAssociation, listAssociations, pace, setGoal, setStatus, updateAssociation } from './associations.js';

type AssociationCall = Extract<CallName, `associations.${string}` | `review.${string}`>;
type Handlers = { [K in AssociationCall]: (input: ParsedInput<K>) => Promise<CallResult<K>> };

/** The associations and quarterly review API; `now` may be passed so tests can stand in any quarter. */
export function associationHandlers(db: Kysely<Database>): Handlers {
  const now = (input?: { now?: string | null | undefined }) => input?.now ?? new Date().toISOString();
  return {
    'associations.list': (input) => listAssociations(db, now(input)),
    'associations.get': ({ id, ...input }) => getAssociation(db, id, now(input)),
    'associations.events': async ({ id, after, limit }) => {
      if (!(await db.selectFrom('associations').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('association', id);
      return associationEvents(db, id, after, limit);
    },
    'associations.create': async (input) => getAssociation(db, await createAssociation(db, input, now(input)), now(input)),
    'associations.update': async ({ id, now: at, ...fields }) => {
      await updateAssociation(db, id, fields);
      return getAssociation(db, id, now({ now: at }));
    },
    'associations.setStatus': async (input) => {
      await setStatus(db, input, now(input));
      return getAssociation(db, input.id, now(input));
    },
    'associations.setGoal': async (input) => {
      await setGoal(db, input, now(input));
      return getAssociation(db, input.id, now(input));
    },
    'associations.delete': ({ id }) => deleteAssociation(db, id),
    'associations.pace': (input) => pace(db, now(input)),
    'review.quarter': (input) => quarterReview(db, input?.quarter, asOf({ now: now(input) })),
    // The export is the whole review: every list in full.
    'review.exportMarkdown': async (input) => reviewMarkdown(db, await quarterReview(db, input?.quarter, asOf({ now: now(input) }), Number.POSITIVE_INFINITY)),
    'review.thanksOwed': (input) => reviewThanksOwed(db, input.quarter, asOf({ now: now(input) }), input.after, input.limit),
    'review.overdue': (input) => reviewOverdue(db, input.quarter, asOf({ now: now(input) }), input.after, input.limit),
  };
}
