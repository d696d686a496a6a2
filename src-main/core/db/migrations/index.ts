import type { Kysely } from 'kysely';
import { initial } from './0001-initial.js';
import { reciprocity } from './0002-reciprocity.js';
import { search } from './0003-search.js';
import { associations } from './0004-associations.js';
import { counters } from './0005-counters.js';
import { contactDetails } from './0006-contact-details.js';
import { calendar } from './0007-calendar.js';
import { network } from './0008-network.js';
import { contactMore } from './0009-contact-more.js';
import { screenIndexes } from './0010-performance.js';
import { networkGoals } from './0011-network-goals.js';
import { reciprocityCounters } from './0012-reciprocity-counters.js';
import { asksByDate } from './0013-asks-by-date.js';
import { trashedEntries } from './0014-trashed-entries.js';
import { contactsByDate } from './0015-contacts-by-date.js';

export interface Migration {
  /** The schema version this migration produces; stored in PRAGMA user_version. */
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

// Registered statically: the bundled main process has no migrations folder to scan at run time.
export const migrations: readonly Migration[] = [initial, reciprocity, search, associations, counters, contactDetails, calendar, network, contactMore, screenIndexes, networkGoals, reciprocityCounters, asksByDate, trashedEntries, contactsByDate];

export const LATEST_VERSION = migrations.at(-1)?.version ?? 0;
