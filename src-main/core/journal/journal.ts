import { z } from 'zod';
import { contract, type ApiError, type CallResult, type JournalInfo, type ParsedInput, type Result } from '../../contract/contract.js';
import { callNames, securityCallNames, type CallName, type SecurityCallName } from '../../contract/names.js';
import type { JournalDb } from '../db/open.js';
import { schemaVersion } from '../db/migrate.js';
import { JournalError } from '../errors.js';
import { describeError } from '../redact.js';
import {
  createInteraction,
  deleteInteraction,
  getInteraction,
  timeline,
  undoDelete,
  updateInteraction,
} from '../interactions/interactions.js';
import { createPerson, getPerson, listPeople, updatePerson } from '../people/people.js';
import { associationHandlers } from '../associations/handlers.js';
import { reciprocityHandlers } from '../reciprocity/handlers.js';
import { loadSample } from '../sample/sample.js';
import { FuzzyIndex } from '../search/fuzzy.js';
import { search } from '../search/search.js';

// The security calls (#12) are answered by the JournalSession in front of this journal (core/crypto).
type JournalCallName = Exclude<CallName, SecurityCallName>;
type Handlers = { [K in JournalCallName]: (input: ParsedInput<K>) => Promise<CallResult<K>> };

export interface JournalOptions {
  /** Reads the bundled sample journal; injected so the core never needs to know where resources live. */
  readSample: () => Promise<unknown>;
}

/**
 * The journal behind the API: one handler per contract call, each given input already parsed by the
 * contract's schema. `call` is the only way in, for the Electron worker and the test harness alike.
 */
export class Journal {
  private readonly handlers: Handlers;

  constructor(
    private readonly journal: JournalDb,
    options: JournalOptions,
  ) {
    const { db } = journal;
    // fuse.js indexes held for the life of the journal; they rebuild themselves when the data changes.
    const fuzzy = new FuzzyIndex();
    this.handlers = {
      'journal.info': () => this.info(),
      'journal.loadSample': async () => {
        await loadSample(db, await options.readSample());
        return this.info();
      },
      'people.list': () => listPeople(db),
      'people.get': ({ id }) => getPerson(db, id),
      'people.create': async (fields) => getPerson(db, await db.transaction().execute((trx) => createPerson(trx, fields))),
      'people.update': async ({ id, ...fields }) => {
        await db.transaction().execute((trx) => updatePerson(trx, id, fields));
        return getPerson(db, id);
      },
      'interactions.timeline': (input) => timeline(db, input),
      'interactions.get': ({ id }) => getInteraction(db, id),
      'interactions.create': async (fields) => getInteraction(db, await createInteraction(db, fields)),
      'interactions.update': async ({ id, ...fields }) => {
        await updateInteraction(db, id, fields);
        return getInteraction(db, id);
      },
      'interactions.delete': ({ id }) => deleteInteraction(db, id),
      'interactions.undoDelete': async () => {
        const id = await undoDelete(db);
        return id === null ? null : getInteraction(db, id);
      },
      ...reciprocityHandlers(db),
      'search.query': (input) => search(db, input, fuzzy),
      ...associationHandlers(db),
    };
  }

  get path(): string {
    return this.journal.path;
  }

  /** Validates an untrusted call and runs it; never throws, every failure is a readable error. */
  async call(name: unknown, input?: unknown): Promise<Result<unknown>> {
    if (
      typeof name !== 'string' ||
      !(callNames as readonly string[]).includes(name) ||
      (securityCallNames as readonly string[]).includes(name)
    ) {
      return failure({ code: 'unknown-call', message: 'Confidant does not know that request.' });
    }
    const key = name as JournalCallName;
    const parsed = contract[key].input.safeParse(input);
    if (!parsed.success) return failure(fromZod(parsed.error));
    try {
      const handler = this.handlers[key] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof JournalError) {
        return failure({ code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) });
      }
      if (error instanceof z.ZodError) return failure(fromZod(error));
      // The call's name and the error's kind and stack only: never its message, which may quote text.
      console.error(`[journal] ${key} failed: ${describeError(error)}`);
      return failure({ code: 'internal', message: 'Something went wrong saving to your journal. Nothing was changed.' });
    }
  }

  async close(): Promise<void> {
    await this.journal.close();
  }

  private async info(): Promise<JournalInfo> {
    const { db } = this.journal;
    const [people, interactions] = await Promise.all([
      db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db
        .selectFrom('interactions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      path: this.journal.path,
      schemaVersion: await schemaVersion(db),
      people: Number(people.n),
      interactions: Number(interactions.n),
    };
  }
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}

function fromZod(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? 'That input is not valid.';
  return { code: 'invalid-input', message: first, fields };
}
