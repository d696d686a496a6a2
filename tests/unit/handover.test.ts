// The hand-over pack leaves the journal: the default pack must hold nothing confidential, no private note
// and no balance. Markers planted in every such place prove it, and ticking each option proves the test
// would see them if they leaked.
import { addPerson, call, describe, expect, refusal, test } from './helpers.js';
import type { Journal } from '../../src-main/core/index.js';

const NOW = '2025-06-15T12:00:00.000Z';

async function plant(journal: Journal) {
  const ada = await addPerson(journal, {
    name: 'Ada <Osei>',
    role: 'CFO',
    organization: 'Northwind',
    level: 'senior',
    insideOrg: true,
    allyRole: 'sponsor',
    howWeMet: 'Budget council, 2019',
    notes: 'PRIVATE-NOTE-MARKER',
  });
  const ben = await addPerson(journal, { name: 'Ben Costa', organization: 'Contoso' });
  await call(journal, 'links.create', { personAId: ada, personBId: ben, kind: 'works-with' });
  await call(journal, 'interactions.create', {
    occurredAt: '2025-05-01T10:00:00.000Z',
    kind: 'meeting',
    title: 'Planning the *pricing* review',
    notes: 'She cares about **margin** discipline and hiring two analysts.',
    personIds: [ada],
    commitments: [{ direction: 'i-owe', description: 'Send the pricing memo', dueOn: '2025-07-01' }],
    exchanges: [{ direction: 'gave', kind: 'advice', description: 'BALANCE-EXCHANGE-MARKER' }],
  });
  await call(journal, 'interactions.create', {
    occurredAt: '2025-06-01T10:00:00.000Z',
    kind: 'call',
    title: 'CONFIDENTIAL-TITLE-MARKER',
    notes: 'CONFIDENTIAL-NOTE-MARKER',
    confidential: true,
    personIds: [ada],
    commitments: [{ direction: 'owed-to-me', description: 'CONFIDENTIAL-COMMITMENT-MARKER', dueOn: '2025-07-02' }],
  });
  return { ada, ben };
}

describe('handover.export', () => {
  test('the default pack holds no confidential entry, no private note and no balance', async ({ journal }) => {
    const { ada, ben } = await plant(journal);
    const pack = await call(journal, 'handover.export', {
      successor: 'Sam Rivera',
      now: NOW,
      items: [
        { personId: ada, why: 'Signs off every budget', introduction: 'Ask her for a 30-minute intro over coffee' },
        { personId: ben },
      ],
    });
    for (const text of [pack.html, pack.markdown]) {
      expect(text).not.toMatch(/MARKER/);
      expect(text).not.toMatch(/included by choice\)?[^”]/);
      expect(text).not.toMatch(/I gave \d/);
      // What belongs in it is there: facts, why, the introduction, how we met, a non-confidential topic and the open promise.
      expect(text).toContain('Sam Rivera');
      expect(text).toContain('Signs off every budget');
      expect(text).toContain('Ask her for a 30-minute intro over coffee');
      expect(text).toContain('Budget council, 2019');
      expect(text).toContain('margin');
      expect(text).toContain('Send the pricing memo');
    }
    expect(pack.people).toBe(2);
    expect(pack.filename).toBe('handover-2025-06-15');
    // Self-contained and inert: no script, nothing fetched, names escaped, the map drawn inline.
    expect(pack.html).not.toMatch(/<script|src=|href=|url\(/i);
    expect(pack.html).toContain('Ada &lt;Osei&gt;');
    expect(pack.html).toMatch(/<svg [^>]*role="img"/);
    expect(pack.html).toMatch(/stroke="#3f5bd9"/); // the Ada–Ben link
    expect(pack.markdown).toContain('Ada \\<Osei\\>');
    expect(pack.markdown).toContain('Planning the \\*pricing\\* review');
  });

  test('each private extra goes in only for the person it was ticked for', async ({ journal }) => {
    const { ada, ben } = await plant(journal);
    const pack = await call(journal, 'handover.export', {
      now: NOW,
      items: [
        { personId: ada, includePrivateNotes: true, includeBalance: true, includeConfidential: true },
        { personId: ben },
      ],
    });
    for (const text of [pack.html, pack.markdown]) {
      expect(text).toContain('PRIVATE-NOTE-MARKER');
      expect(text).toContain('CONFIDENTIAL-TITLE-MARKER');
      expect(text).toContain('CONFIDENTIAL-COMMITMENT-MARKER');
      expect(text).toMatch(/I gave 1, received 0/);
    }
    const onlyNotes = await call(journal, 'handover.export', { now: NOW, items: [{ personId: ada, includePrivateNotes: true }] });
    expect(onlyNotes.markdown).toContain('PRIVATE-NOTE-MARKER');
    expect(onlyNotes.markdown).not.toMatch(/CONFIDENTIAL|I gave/);
  });

  test('refuses an empty pack, a repeated person or an unknown one', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    expect((await refusal(journal, 'handover.export', { items: [] })).message).toBe('Choose at least one relationship to hand over.');
    expect((await refusal(journal, 'handover.export', { items: [{ personId: ada }, { personId: ada }] })).message).toBe('Each person can be in the pack once.');
    expect((await refusal(journal, 'handover.export', { items: [{ personId: 404 }] })).code).toBe('not-found');
    expect((await refusal(journal, 'handover.export', { items: [{ personId: ada, includeEverything: true }] })).code).toBe('invalid-input');
  });
});
