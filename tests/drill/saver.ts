// The drill's victim: saves entries through the real built worker (out/main/journal-worker.js, driven by
// JournalClient as main drives it) as fast as it can, and prints `ack N` once save N was acknowledged.
// The drill kills it with SIGKILL at a random moment.
import { join } from 'node:path';
import type { Person } from '../../src-main/contract/contract.js';
import { JournalClient } from '../../src-main/shell/journal-client.js';
import { testKeychain } from '../test-keychain.js';

const [journalPath, first, secret] = process.argv.slice(2);
if (!journalPath || !first) throw new Error('usage: saver.ts <journal> <first sequence number> [keychain secret, hex: an encrypted journal]');
const root = join(import.meta.dirname, '..', '..');
const client = await JournalClient.start(join(root, 'out', 'main', 'journal-worker.js'), {
  journalPath,
  samplePath: join(root, 'resources', 'sample-journal.json'),
  dailyBackupDelayMs: null,
}, secret ? testKeychain(Buffer.from(secret, 'hex')) : undefined);
const people = await client.call('people.list', undefined);
if (!people.ok) throw new Error(people.error.message);
let personId = (people.value as Person[])[0]?.id;
if (personId === undefined) {
  const created = await client.call('people.create', { name: 'Drill Sergeant' });
  if (!created.ok) throw new Error(created.error.message);
  personId = (created.value as Person).id;
}
process.stdout.write('ready\n');
for (let seq = Number(first); ; seq += 1) {
  const saved = await client.call('interactions.create', {
    occurredAt: new Date().toISOString(),
    kind: 'meeting',
    title: `drill ${seq}`,
    notes: `Acknowledged save number ${seq}. `.repeat(1 + (seq % 20)),
    confidential: seq % 3 === 0,
    personIds: [personId],
  });
  if (!saved.ok) throw new Error(saved.error.message);
  process.stdout.write(`ack ${seq}\n`);
}
