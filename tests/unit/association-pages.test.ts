// An association's page at scale: its events a page at a time, the people met there counted in SQL, and
// attendance counted per local quarter without a date parsed per event. In a zone west of UTC, so a
// quarter's last evening is the next quarter in UTC.
process.env.TZ = 'America/New_York';

import type { Journal } from '../../src-main/core/index.js';
import { EVENTS_PAGE, PEOPLE_SHOWN } from '../../src-main/core/associations/associations.js';
import { addInteraction, addPerson, call, expect, refusal, storedRows, test } from './helpers.js';

const NOW = '2025-05-15T16:00:00.000Z';

async function circle(journal: Journal): Promise<number> {
  return (await call(journal, 'associations.create', { name: 'Product Leaders Circle', category: 'function', status: 'focus', now: NOW })).id;
}

test('attendance counts each event in its local quarter, at the quarter’s edges too', async ({ journal }) => {
  const id = await circle(journal);
  const ana = await addPerson(journal, { name: 'Ana Ruiz' });
  // 23:30 on 31 March in New York is 1 April in UTC: still Q1 here. 00:30 on 1 April local is Q2.
  const at = (local: string) => new Date(local).toISOString();
  for (const occurredAt of [at('2025-03-31T23:30:00'), at('2025-04-01T00:30:00'), at('2024-12-31T23:59:00'), at('2025-01-01T00:00:00'), at('2025-05-10T10:00:00')]) {
    await addInteraction(journal, { kind: 'event', title: 'Chapter meeting', occurredAt, associationId: id, personIds: [ana] });
  }
  // One to come is listed but not yet attended.
  await addInteraction(journal, { kind: 'event', title: 'Summit', occurredAt: '2025-09-01T14:00:00.000Z', associationId: id, personIds: [ana] });
  const detail = await call(journal, 'associations.get', { id, now: NOW });
  const byQuarter = Object.fromEntries(detail.strip.map((cell) => [cell.quarter, cell.attended]));
  expect(byQuarter).toMatchObject({ '2024-Q4': 1, '2025-Q1': 2, '2025-Q2': 2 });
  expect(detail).toMatchObject({ events: 5, lastEventAt: at('2025-05-10T10:00:00'), eventsTotal: 6, thisQuarter: { attended: 2, goal: 1, state: 'met' } });
  const listed = (await call(journal, 'associations.list', { now: NOW })).associations.find((a) => a.id === id);
  expect(listed).toMatchObject({ events: 5, lastEventAt: at('2025-05-10T10:00:00'), streak: 1 });
});

test('the events come a page at a time, newest first, and the pages meet exactly', async ({ journal, journalDb }) => {
  const id = await circle(journal);
  const people = [await addPerson(journal, { name: 'Ana Ruiz' }), await addPerson(journal, { name: 'Ben Okafor' })];
  const total = EVENTS_PAGE * 2 + 7;
  const ids: number[] = [];
  // Two at the same moment, so the cursor's id breaks the tie.
  for (let i = 0; i < total; i += 1) {
    const occurredAt = new Date(Date.UTC(2025, 3, 1) - Math.floor(i / 2) * 86_400_000).toISOString();
    ids.push(await addInteraction(journal, { kind: 'event', title: `Meeting ${i}`, occurredAt, associationId: id, personIds: [people[i % 2]!] }));
  }
  const expected = ids.map((eventId, i) => ({ eventId, i })).sort((a, b) => Math.floor(a.i / 2) - Math.floor(b.i / 2) || b.eventId - a.eventId).map(({ eventId }) => eventId);

  const detail = await call(journal, 'associations.get', { id, now: NOW });
  expect(detail.eventList).toHaveLength(EVENTS_PAGE);
  expect(detail.eventsTotal).toBe(total);
  expect(detail.eventList[0]!.people).toEqual([{ id: people[1], name: 'Ben Okafor' }]);
  const seen = detail.eventList.map((event) => event.id);
  let next = detail.eventsNext;
  while (next) {
    const page = await call(journal, 'associations.events', { id, after: next });
    seen.push(...page.events.map((event) => event.id));
    next = page.next;
  }
  expect(seen).toEqual(expected);

  // A position that is not one, or an association that is not there, is refused with a sentence; nothing changes.
  const before = storedRows(journalDb.raw);
  expect((await refusal(journal, 'associations.events', { id, after: 'yesterday' })).message).toBe('That timeline position is not valid.');
  expect((await refusal(journal, 'associations.events', { id: 9999, after: detail.eventsNext })).message).toMatch(/association/i);
  expect(storedRows(journalDb.raw)).toEqual(before);
});

test('people met there are counted across every event, the hundred met most listed and the rest counted', async ({ journal }) => {
  const id = await circle(journal);
  const regular = await addPerson(journal, { name: 'Zoë Regular' });
  const others: number[] = [];
  for (let i = 0; i < PEOPLE_SHOWN + 5; i += 1) others.push(await addPerson(journal, { name: `Guest ${String(i).padStart(3, '0')}` }));
  for (let i = 0; i < others.length; i += 1) {
    const occurredAt = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString();
    await addInteraction(journal, { kind: 'event', title: `Meeting ${i}`, occurredAt, associationId: id, personIds: i % 3 === 0 ? [regular, others[i]!] : [others[i]!] });
  }
  // A deleted event is not a meeting any more.
  const trashed = await addInteraction(journal, { kind: 'event', title: 'Cancelled', occurredAt: '2025-01-02T12:00:00.000Z', associationId: id, personIds: [regular] });
  await call(journal, 'interactions.delete', { id: trashed });

  const detail = await call(journal, 'associations.get', { id, now: NOW });
  expect(detail.peopleTotal).toBe(PEOPLE_SHOWN + 6);
  expect(detail.people).toHaveLength(PEOPLE_SHOWN);
  const lastWithRegular = Math.floor((others.length - 1) / 3) * 3;
  expect(detail.people[0]).toEqual({ person: { id: regular, name: 'Zoë Regular' }, events: Math.floor((others.length - 1) / 3) + 1, lastMetAt: new Date(Date.UTC(2024, 0, 1) + lastWithRegular * 86_400_000).toISOString() });
  // Then one event each, the most recently met first.
  expect(detail.people[1]!.person.name).toBe(`Guest ${String(others.length - 1).padStart(3, '0')}`);
  expect(detail.people.slice(1).every((met) => met.events === 1)).toBe(true);
});
