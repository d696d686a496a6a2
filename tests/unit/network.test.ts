// Links, suggestions, introductions and the network figures, through the API on a real journal file.
import { join } from 'node:path';
import { network } from '../../src-main/core/db/migrations/0008-network.js';
import { networkHandlers } from '../../src-main/core/network/handlers.js';
import { addInteraction, addPerson, call, describe, expect, openedFromPriorVersion, refusal, test } from './helpers.js';
import type { Journal } from '../../src-main/core/index.js';

const NOW = '2025-06-15T12:00:00.000Z';

async function ledgerRow(journal: Journal, personId: number) {
  return (await call(journal, 'reciprocity.ledger', {})).rows.find((row) => row.person.id === personId);
}

describe('migration (network)', () => {
  test('opens a journal from the version before with data in it, adds the network tables and keeps every row', async ({ dir }) => {
    const opened = await openedFromPriorVersion(join(dir, 'journal.sqlite'), network, `
      INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Ada Lovelace', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),
        (2, 'Charles Babbage', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at)
        VALUES (1, '2024-02-01T10:00:00.000Z', 'meeting', 'Engine review', 'Both came', 0, '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1), (1, 2);
      INSERT INTO exchanges (id, direction, kind, description, occurred_at, interaction_id, created_at, updated_at)
        VALUES (1, 'gave', 'advice', 'Notes on the engine', '2024-02-01T10:00:00.000Z', 1, '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z');
      INSERT INTO exchange_people (exchange_id, person_id) VALUES (1, 1);
    `);
    try {
      const tables = opened.journalDb.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('person_ties', 'link_dismissals', 'introductions') ORDER BY name").pluck().all();
      expect(tables).toEqual(['introductions', 'link_dismissals', 'person_ties']);
      // The old meeting already suggests the pair, and an introduction between them adds to the old ledger.
      expect(await call(opened.journal, 'links.suggestions', {})).toMatchObject([{ personA: { id: 1 }, personB: { id: 2 }, together: 1 }]);
      await call(opened.journal, 'introductions.create', { direction: 'made', personAId: 1, personBId: 2, introducedOn: '2024-03-01', why: 'Both build engines' });
      expect(await ledgerRow(opened.journal, 1)).toMatchObject({ gave: 2 });
      expect(await call(opened.journal, 'links.suggestions', {})).toEqual([]);
    } finally {
      await opened.journal.close();
    }
  });
});

describe('links', () => {
  test('are one row per pair and kind, whichever way entered; reports-to keeps its direction', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const ben = await addPerson(journal, { name: 'Ben' });
    const first = await call(journal, 'links.create', { personAId: ben, personBId: ada, kind: 'knows', note: 'Old friends' });
    expect(first).toMatchObject({ personA: { id: ada }, personB: { id: ben }, kind: 'knows', note: 'Old friends', source: 'manual' });
    const again = await call(journal, 'links.create', { personAId: ada, personBId: ben });
    expect(again.id).toBe(first.id);
    // Ada reports to Ben: the order entered is kept.
    const reports = await call(journal, 'links.create', { personAId: ada, personBId: ben, kind: 'reports-to', sinceOn: '2024-05-01' });
    expect(reports).toMatchObject({ personA: { id: ada }, personB: { id: ben }, kind: 'reports-to', sinceOn: '2024-05-01' });
    expect(await call(journal, 'links.list', { personId: ada })).toHaveLength(2);
    // An update changes only what it names.
    expect(await call(journal, 'links.update', { id: first.id, sinceOn: '2020-01-01' })).toMatchObject({ note: 'Old friends', sinceOn: '2020-01-01' });
    expect((await refusal(journal, 'links.update', { id: first.id, kind: 'reports-to' })).code).toBe('conflict');
    await call(journal, 'links.delete', { id: first.id });
    expect(await call(journal, 'links.list', {})).toHaveLength(1);
  });

  test('refuse a link to oneself, an unknown person, an unknown kind or a bad date, with a sentence', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    expect(await refusal(journal, 'links.create', { personAId: ada, personBId: ada })).toMatchObject({ code: 'invalid-input', message: 'A link joins two different people.' });
    expect(await refusal(journal, 'links.create', { personAId: ada, personBId: 999 })).toMatchObject({ code: 'not-found' });
    expect((await refusal(journal, 'links.create', { personAId: ada, personBId: 2, kind: 'married' })).message).toMatch(/A link is one of/);
    expect((await refusal(journal, 'links.create', { personAId: ada, personBId: 2, sinceOn: '2024-02-30' })).message).toMatch(/real calendar days/);
    expect((await refusal(journal, 'links.create', { personAId: ada, personBId: 2, extra: 1 })).code).toBe('invalid-input');
  });
});

describe('link suggestions', () => {
  test('come from small shared interactions, are answered once, and never become links by themselves', async ({ journal }) => {
    const [ada, ben, cy, dee] = [await addPerson(journal, { name: 'Ada' }), await addPerson(journal, { name: 'Ben' }), await addPerson(journal, { name: 'Cy' }), await addPerson(journal, { name: 'Dee' })];
    await addInteraction(journal, { personIds: [ada, ben] });
    await addInteraction(journal, { personIds: [ada, ben, cy], occurredAt: '2025-04-01T09:00:00.000Z' });
    const trashed = await addInteraction(journal, { personIds: [cy, dee] });
    await call(journal, 'interactions.delete', { id: trashed });
    // A big event: twelve people in one room is no sign any two of them know each other.
    const crowd = [];
    for (let i = 0; i < 10; i++) crowd.push(await addPerson(journal, { name: `Guest ${i}` }));
    await addInteraction(journal, { kind: 'event', personIds: [dee, ...crowd] });

    const suggested = await call(journal, 'links.suggestions', {});
    expect(suggested.map((s) => [s.personA.name, s.personB.name, s.together])).toEqual([
      ['Ada', 'Ben', 2],
      ['Ada', 'Cy', 1],
      ['Ben', 'Cy', 1],
    ]);
    expect(suggested[0]!.reason).toBe('Both were in 2 interactions you logged.');
    expect(await call(journal, 'links.list', {})).toEqual([]);

    expect(await call(journal, 'links.accept', { personAId: ben, personBId: ada })).toMatchObject({ kind: 'knows', source: 'suggestion' });
    await call(journal, 'links.dismiss', { personAId: cy, personBId: ada });
    expect((await call(journal, 'links.suggestions', {})).map((s) => [s.personA.name, s.personB.name])).toEqual([['Ben', 'Cy']]);
    expect(await call(journal, 'links.suggestions', { personId: dee })).toEqual([]);
    // Meeting again does not bring a dismissed pair back.
    await addInteraction(journal, { personIds: [ada, cy], occurredAt: '2025-05-01T09:00:00.000Z' });
    expect((await call(journal, 'links.suggestions', { personId: ada })).map((s) => s.personB.name)).toEqual([]);
  });
});

describe('introductions', () => {
  test('one I made is a give to both people in the ledger and links them; deleting it takes both back', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const ben = await addPerson(journal, { name: 'Ben' });
    const meeting = await addInteraction(journal, { personIds: [ada] });
    const made = await call(journal, 'introductions.create', { direction: 'made', personAId: ada, personBId: ben, why: 'Ben is hiring analysts', introducedOn: '2025-03-11', interactionId: meeting });
    expect(made).toMatchObject({ direction: 'made', personA: { name: 'Ada' }, personB: { name: 'Ben' }, outcome: 'pending', interactionId: meeting, introducer: null });
    expect(await ledgerRow(journal, ada)).toMatchObject({ gave: 1, received: 0 });
    expect(await ledgerRow(journal, ben)).toMatchObject({ gave: 1, received: 0 });
    const person = await call(journal, 'reciprocity.person', { personId: ben });
    expect(person.exchanges).toMatchObject([{ kind: 'introduction', direction: 'gave', description: 'Introduced Ada to Ben: Ben is hiring analysts' }]);
    expect(await call(journal, 'links.list', {})).toMatchObject([{ kind: 'introduced-by-me', source: 'introduction', sinceOn: '2025-03-11' }]);

    expect(await call(journal, 'introductions.setOutcome', { id: made.id, outcome: 'helped', outcomeOn: '2025-04-02' })).toMatchObject({ outcome: 'helped', outcomeOn: '2025-04-02' });
    expect(await call(journal, 'introductions.setOutcome', { id: made.id, outcome: 'pending' })).toMatchObject({ outcome: 'pending', outcomeOn: null });

    await call(journal, 'introductions.delete', { id: made.id });
    expect(await ledgerRow(journal, ben)).toBeUndefined();
    expect(await call(journal, 'links.list', {})).toEqual([]);
  });

  test('one made for me counts as received from the introducer and links the two of them', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const ben = await addPerson(journal, { name: 'Ben' });
    await call(journal, 'introductions.create', { direction: 'received', introducerId: ada, personAId: ben, introducedOn: '2025-03-11' });
    expect(await ledgerRow(journal, ada)).toMatchObject({ gave: 0, received: 1 });
    expect(await ledgerRow(journal, ben)).toBeUndefined();
    expect(await call(journal, 'links.list', {})).toMatchObject([{ personA: { id: ada }, personB: { id: ben }, kind: 'knows' }]);
    expect(await call(journal, 'introductions.list', { personId: ben })).toMatchObject([{ direction: 'received', introducer: { name: 'Ada' }, personA: { name: 'Ben' }, personB: null }]);
  });

  test('refuse the impossible with a sentence', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    expect((await refusal(journal, 'introductions.create', { direction: 'made', personAId: ada, personBId: ada, introducedOn: '2025-03-11' })).message).toBe('An introduction joins two different people.');
    expect((await refusal(journal, 'introductions.create', { direction: 'received', introducerId: ada, personAId: ada, introducedOn: '2025-03-11' })).message).toBe('Someone cannot introduce me to themselves.');
    expect((await refusal(journal, 'introductions.create', { direction: 'sideways', personAId: ada, introducedOn: '2025-03-11' })).code).toBe('invalid-input');
    expect((await refusal(journal, 'introductions.create', { direction: 'made', personAId: ada, personBId: 77, introducedOn: '2025-03-11' })).code).toBe('not-found');
    expect((await refusal(journal, 'introductions.setOutcome', { id: 5, outcome: 'married' })).message).toMatch(/The outcome is one of/);
    // The interaction it came from must be one in the journal, not deleted, named by a whole id.
    const ben = await addPerson(journal, { name: 'Ben' });
    const made = { direction: 'made', personAId: ada, personBId: ben, introducedOn: '2025-03-11' } as const;
    expect((await refusal(journal, 'introductions.create', { ...made, interactionId: 999 })).code).toBe('not-found');
    expect((await refusal(journal, 'introductions.create', { ...made, interactionId: 1.5 })).code).toBe('invalid-input');
    const gone = await addInteraction(journal, { personIds: [ada, ben] });
    await call(journal, 'interactions.delete', { id: gone });
    expect((await refusal(journal, 'introductions.create', { ...made, interactionId: gone })).code).toBe('not-found');
    expect(await call(journal, 'introductions.list', {})).toEqual([]);
  });

  test('to consider: a need or goal tagged on one person and an offer on another, not yet linked', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada', tags: ['need:hiring'] });
    await addPerson(journal, { name: 'Ben', tags: ['offer:hiring', 'offer:pricing'] });
    const cy = await addPerson(journal, { name: 'Cy', tags: ['goal:pricing', 'offer:hiring'] });
    const ideas = await call(journal, 'introductions.toConsider', {});
    expect(ideas.map((idea) => [idea.personA.name, idea.personB.name, idea.topic])).toEqual([
      ['Ada', 'Ben', 'hiring'],
      ['Ada', 'Cy', 'hiring'],
      ['Cy', 'Ben', 'pricing'],
    ]);
    expect(ideas[2]!.reason).toBe('Cy has the goal “pricing”, and Ben offers it.');
    await call(journal, 'links.create', { personAId: ada, personBId: cy });
    expect((await call(journal, 'introductions.toConsider', {})).map((idea) => idea.personB.name)).toEqual(['Ben', 'Ben']);
  });
});

describe('merging two people', () => {
  test('keeps their links and introductions on the person kept', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const dup = await addPerson(journal, { name: 'Ada L.' });
    const ben = await addPerson(journal, { name: 'Ben' });
    await call(journal, 'links.create', { personAId: dup, personBId: ben, kind: 'works-with' });
    await call(journal, 'links.create', { personAId: dup, personBId: ada });
    await call(journal, 'introductions.create', { direction: 'made', personAId: dup, personBId: ben, introducedOn: '2025-01-02' });
    await call(journal, 'people.merge', { fromId: dup, intoId: ada });
    expect((await call(journal, 'links.list', {})).map((l) => [l.personA.name, l.personB.name, l.kind])).toEqual([
      ['Ada', 'Ben', 'introduced-by-me'],
      ['Ada', 'Ben', 'works-with'],
    ]);
    expect(await call(journal, 'introductions.list', {})).toMatchObject([{ personA: { id: ada }, personB: { id: ben } }]);
  });
});

describe('network overview', () => {
  test('counts open, diverse and deep on a small journal, each with the people behind it', async ({ journal }) => {
    const p = async (name: string, fields: Parameters<typeof addPerson>[1] = {}) => addPerson(journal, { name, ...fields });
    const ada = await p('Ada', { organization: 'Northwind', level: 'senior', insideOrg: true, department: 'Finance', allyRole: 'mentor', tags: ['industry:energy'] });
    const ben = await p('Ben', { organization: 'Northwind', level: 'peer', insideOrg: true, department: 'Finance' });
    const cy = await p('Cy', { organization: 'Contoso', level: 'peer', insideOrg: false, department: 'Sales' });
    const dee = await p('Dee', { organization: 'Contoso', level: 'peer', insideOrg: false });
    const eve = await p('Eve', { organization: 'Fabrikam', department: 'Legal', tags: ['industry:law'] });
    const old = await p('Old friend', { organization: 'Umbrella', level: 'junior', department: 'Research' });
    const recent = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
    // Ada: three meetings, gave and received: deep. Ben: one meeting, nothing exchanged: surface.
    for (const days of [10, 40, 70]) await addInteraction(journal, { personIds: [ada], occurredAt: recent(days) });
    await call(journal, 'exchanges.create', { direction: 'gave', kind: 'advice', description: 'Budget notes', occurredAt: recent(20), personIds: [ada] });
    await call(journal, 'exchanges.create', { direction: 'received', kind: 'help', description: 'Intro to CFO', occurredAt: recent(30), personIds: [ada] });
    await addInteraction(journal, { personIds: [ben], occurredAt: recent(100) });
    // Cy: I only asked. Dee and Eve: met once each.
    await call(journal, 'interactions.create', { personIds: [cy], occurredAt: recent(15), kind: 'call', title: 'Ask', asks: [{ direction: 'i-asked', description: 'A reference' }] });
    await addInteraction(journal, { personIds: [dee], occurredAt: recent(200) });
    await addInteraction(journal, { personIds: [eve], occurredAt: recent(300) });
    await addInteraction(journal, { personIds: [old], occurredAt: recent(800) });
    // Links: Ada–Ben (Northwind pair), Cy–Dee (Contoso pair); Eve knows nobody; Old friend is inactive.
    await call(journal, 'links.create', { personAId: ada, personBId: ben, kind: 'works-with' });
    await call(journal, 'links.create', { personAId: cy, personBId: dee });
    await call(journal, 'links.create', { personAId: eve, personBId: old });

    const overview = await call(journal, 'network.overview', { now: NOW });
    const names = (ids: number[]) => ids.map((id) => overview.people[id]!.name);
    expect(overview.activeCount).toBe(5);
    expect(names(overview.open.linked.personIds)).toEqual(['Ada', 'Ben', 'Cy', 'Dee']);
    expect(names(overview.open.unlinked.personIds)).toEqual(['Eve']);
    expect(overview.open.linksAmongActive).toBe(2);
    expect(overview.open.effectiveSize).toBeCloseTo(5 - 4 / 5, 10);
    expect(overview.open.constraint).toBeCloseTo(4 * 0.09 + 0.04, 10);
    // Two pairs; the first is "the rest", the other is joined to it only through me.
    expect(overview.open.bridges).toHaveLength(1);
    expect(overview.open.bridges[0]!.sentence).toMatch(/^Only you connect these 2 people to the rest of your network, mostly at /);
    expect(overview.open.byOrganization.map((f) => [f.label, f.count])).toEqual([['Contoso', 2], ['Northwind', 2], ['Fabrikam', 1]]);
    expect(overview.open.communities.map((f) => names(f.personIds))).toEqual([['Ada', 'Ben'], ['Cy', 'Dee']]);

    const group = (key: string) => overview.diverse.groups.find((g) => g.key === key)!;
    expect(group('level').figures.map((f) => [f.label, f.count])).toEqual([['Above me', 1], ['Peers', 3], ['Below me', 0]]);
    expect(group('place').figures.map((f) => [f.label, names(f.personIds)])).toEqual([['Inside my organization', ['Ada', 'Ben']], ['Outside my organization', ['Cy', 'Dee']]]);
    expect(group('function').figures.map((f) => [f.label, f.count])).toEqual([['Finance', 2], ['Legal', 1], ['Sales', 1]]);
    expect(group('industry').figures.map((f) => f.label)).toEqual(['energy', 'law']);
    expect(overview.diverse.nobodyActive.map((f) => [f.label, names(f.personIds)])).toEqual([
      ['Below me', ['Old friend']],
      ['Functions: Research', ['Old friend']],
      ['Organizations: Umbrella', ['Old friend']],
    ]);
    expect(overview.diverse.quarters.map((q) => q.quarter)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    expect(overview.diverse.quarters.at(-1)!.figures.find((f) => f.key === 'met')!.count).toBe(2); // Ada and Cy this quarter

    expect(names(overview.deep.deep.personIds)).toEqual(['Ada']);
    expect(names(overview.deep.surface.personIds)).toEqual(['Ben', 'Cy', 'Dee', 'Eve']);
    expect(names(overview.deep.onlyAsks.personIds)).toEqual(['Cy']);
    expect(overview.order).toEqual(['open', 'diverse', 'deep']);
    expect(overview.lensReason).toBeNull();
  });

  test('figures are kept between visits but never outlive a write', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const ben = await addPerson(journal, { name: 'Ben' });
    await addInteraction(journal, { personIds: [ada], occurredAt: '2025-06-01T10:00:00.000Z' });
    await addInteraction(journal, { personIds: [ben], occurredAt: '2025-06-02T10:00:00.000Z' });
    const first = await call(journal, 'network.overview', { now: NOW });
    expect(await call(journal, 'network.overview', { now: NOW })).toBe(first);
    expect(first.open.linksAmongActive).toBe(0);
    await call(journal, 'links.create', { personAId: ada, personBId: ben });
    expect((await call(journal, 'network.overview', { now: NOW })).open.linksAmongActive).toBe(1);
    expect((await call(journal, 'network.graph', { now: NOW })).edges).toHaveLength(1);
  });

  test('while the figures are worked out again, a call answers at once with the last ones, marked updating; wait brings the new ones', async ({ journal, journalDb }) => {
    // Its own network capability, with no deadline of its own: only a call queued behind a running refresh answers early.
    const overview = networkHandlers(journalDb.db, { freshWithinMs: 60_000 })['network.overview'];
    const recent = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const ada = await addPerson(journal, { name: 'Ada' });
    const ben = await addPerson(journal, { name: 'Ben' });
    await addInteraction(journal, { personIds: [ada], occurredAt: recent(3) });
    await addInteraction(journal, { personIds: [ben], occurredAt: recent(4) });
    // Nothing worked out yet: the first call waits for the figures.
    const first = await overview(undefined);
    expect(first).toMatchObject({ updating: false, activeCount: 2, open: { linksAmongActive: 0 } });

    await call(journal, 'links.create', { personAId: ada, personBId: ben });
    const order: string[] = [];
    const running = overview(undefined).then((value) => (order.push('running'), value));
    const queued = await overview({ stage: 'executive' }).then((value) => (order.push('queued'), value));
    expect(queued).toMatchObject({ updating: true, open: { linksAmongActive: 0 }, order: ['diverse', 'open', 'deep'] });
    const fresh = await running;
    expect(order).toEqual(['queued', 'running']);
    expect(fresh).toMatchObject({ updating: false, open: { linksAmongActive: 1 } });
    expect(await overview({ stage: 'executive', wait: true })).toMatchObject({ updating: false, open: { linksAmongActive: 1 } });
    // A call naming its clock asks for the figures as of it, never for the last ones.
    await call(journal, 'links.delete', { id: (await call(journal, 'links.list', {}))[0]!.id });
    const running2 = overview(undefined);
    expect(await overview({ now: new Date().toISOString() })).toMatchObject({ updating: false, open: { linksAmongActive: 0 } });
    await running2;
    expect((await refusal(journal, 'network.overview', { wait: 'yes' })).message).toBe('wait is true or false.');
  });

  test('the map too: while the graph is worked out again, a call answers at once with the last one, marked updating; wait brings the new one', async ({ journal, journalDb }) => {
    const network = networkHandlers(journalDb.db, { freshWithinMs: 60_000 });
    const graph = network['network.graph'];
    const recent = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const ada = await addPerson(journal, { name: 'Ada' });
    const ben = await addPerson(journal, { name: 'Ben' });
    await addInteraction(journal, { personIds: [ada], occurredAt: recent(3) });
    await addInteraction(journal, { personIds: [ben], occurredAt: recent(4) });
    const first = await graph(undefined);
    expect(first).toMatchObject({ updating: false, edges: [] });

    await call(journal, 'links.create', { personAId: ada, personBId: ben });
    // The screen's figures start the refresh; the map, asking meanwhile, is not queued behind it.
    const order: string[] = [];
    const running = network['network.overview'](undefined).then((value) => (order.push('running'), value));
    const queued = await graph(undefined).then((value) => (order.push('queued'), value));
    expect(queued).toMatchObject({ updating: true, edges: [] });
    expect(queued.nodes).toEqual(first.nodes);
    await running;
    expect(order).toEqual(['queued', 'running']);
    const fresh = await graph({ wait: true });
    expect(fresh).toMatchObject({ updating: false, edges: [{ source: ada, target: ben, kind: 'knows' }] });
    expect(await graph(undefined)).toBe(fresh);
    expect((await refusal(journal, 'network.graph', { wait: 'yes' })).message).toBe('wait is true or false.');
  });

  test('the career-stage lens puts one section first and says why', async ({ journal }) => {
    const rising = await call(journal, 'network.overview', { stage: 'rising-leader', now: NOW });
    expect(rising.order[0]).toBe('deep');
    expect(rising.lensReason).toMatch(/^As a rising leader/);
    expect((await call(journal, 'network.overview', { stage: 'executive', now: NOW })).order[0]).toBe('diverse');
    expect((await call(journal, 'network.overview', { stage: 'manager-of-managers', now: NOW })).order[0]).toBe('open');
    expect((await refusal(journal, 'network.overview', { stage: 'intern' })).message).toMatch(/The career stage is one of/);
  });

  test('clusters by community and by organization: two known groups with their sizes, the same on the screen and the map', async ({ journal }) => {
    // Two cliques of four (Northwind and Contoso) joined by one link, and a loner: Louvain's known answer is
    // the two cliques; the loner is in no group. Everyone met this month, so everyone is active.
    const ids: number[] = [];
    for (const [name, organization] of [['A1', 'Northwind'], ['A2', 'Northwind'], ['A3', 'Northwind'], ['A4', 'Contoso'], ['B1', 'Contoso'], ['B2', 'Contoso'], ['B3', 'Contoso'], ['B4', 'Contoso'], ['Loner', 'Fabrikam']] as const) {
      const id = await addPerson(journal, { name, organization });
      await addInteraction(journal, { personIds: [id], occurredAt: '2025-06-01T10:00:00.000Z' });
      ids.push(id);
    }
    const clique = (group: number[]) => group.flatMap((a, i) => group.slice(i + 1).map((b) => [a, b] as const));
    for (const [a, b] of [...clique(ids.slice(0, 4)), ...clique(ids.slice(4, 8)), [ids[3]!, ids[4]!] as const]) await call(journal, 'links.create', { personAId: a, personBId: b });

    const overview = await call(journal, 'network.overview', { now: NOW });
    const names = (personIds: number[]) => personIds.map((id) => overview.people[id]!.name);
    expect(overview.open.communities.map((f) => [f.label, f.count, names(f.personIds)])).toEqual([
      ['Group 1, mostly at Northwind', 4, ['A1', 'A2', 'A3', 'A4']],
      ['Group 2, mostly at Contoso', 4, ['B1', 'B2', 'B3', 'B4']],
    ]);
    expect(overview.open.byOrganization.map((f) => [f.label, f.count])).toEqual([['Contoso', 5], ['Northwind', 3], ['Fabrikam', 1]]);

    const graph = await call(journal, 'network.graph', { now: NOW });
    const groupOf = Object.fromEntries(graph.nodes.map((n) => [n.name, n.community]));
    expect(groupOf).toEqual({
      A1: 'Group 1, mostly at Northwind', A2: 'Group 1, mostly at Northwind', A3: 'Group 1, mostly at Northwind', A4: 'Group 1, mostly at Northwind',
      B1: 'Group 2, mostly at Contoso', B2: 'Group 2, mostly at Contoso', B3: 'Group 2, mostly at Contoso', B4: 'Group 2, mostly at Contoso',
      Loner: null,
    });
  });

  test('the graph has everyone and every link, with no notes in it', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada', notes: 'PRIVATE-MARKER' });
    const ben = await addPerson(journal, { name: 'Ben' });
    await addInteraction(journal, { personIds: [ada, ben], confidential: true, notes: 'CONFIDENTIAL-MARKER', occurredAt: '2025-06-01T10:00:00.000Z' });
    await call(journal, 'links.create', { personAId: ada, personBId: ben });
    const graph = await call(journal, 'network.graph', { now: NOW });
    expect(graph.nodes.map((n) => [n.name, n.active, n.interactions])).toEqual([['Ada', true, 1], ['Ben', true, 1]]);
    expect(graph.edges).toEqual([{ source: ada, target: ben, kind: 'knows' }]);
    expect(JSON.stringify(graph)).not.toMatch(/MARKER/);
  });
});
