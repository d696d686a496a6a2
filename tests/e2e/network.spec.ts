import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { Person } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

// The network perspective as a leader walks it: counts they can open, the links the journal asks about,
// an introduction logged and its outcome, the career-stage lens, and links noted while logging.

async function call<T>(journal: Journal, name: string, input: unknown = {}): Promise<T> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function seed(journal: Journal) {
  const ada = await call<Person>(journal, 'people.create', { name: 'Ada Osei', organization: 'Northwind', level: 'senior', insideOrg: true, department: 'Finance', tags: ['need:hiring'] });
  const ben = await call<Person>(journal, 'people.create', { name: 'Ben Costa', organization: 'Northwind', level: 'peer', insideOrg: true });
  const cy = await call<Person>(journal, 'people.create', { name: 'Cy Lima', organization: 'Contoso', level: 'peer', insideOrg: false, tags: ['offer:hiring'] });
  await call(journal, 'interactions.create', { occurredAt: daysAgo(10), kind: 'meeting', title: 'Budget review', personIds: [ada.id, ben.id] });
  await call(journal, 'interactions.create', { occurredAt: daysAgo(20), kind: 'coffee', title: 'Coffee with Cy', personIds: [cy.id] });
  return { ada, ben, cy };
}

async function openNetwork(app: Page): Promise<void> {
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+7');
  await expect(app.getByRole('heading', { name: 'Network', level: 1 })).toBeVisible();
}

test('counts open to the people behind them; a suggested link, once accepted, moves the count', async ({ app, running }) => {
  await seed(running.journal);
  await openNetwork(app);
  await expect(app.getByText('3 active contacts: people you met in the last 12 months.')).toBeVisible();
  await expect(app.getByRole('button', { name: '3 people: Know none of your other active contacts (that you have noted)' })).toBeVisible();

  // The journal asks about Ada and Ben, who were in one meeting; it adds nothing by itself.
  await app.getByRole('tab', { name: 'Introductions' }).click();
  const suggested = app.getByRole('list', { name: 'Suggested links' });
  await expect(suggested).toContainText('Ada Osei and Ben Costa');
  await suggested.getByRole('button', { name: 'They know each other: Ada Osei and Ben Costa' }).click();
  await expect(app.getByRole('status').getByText('Noted: Ada Osei and Ben Costa know each other.')).toBeVisible();
  await expect(app.getByText('No questions waiting.')).toBeVisible();

  await app.getByRole('tab', { name: 'Open, diverse, deep' }).click();
  const linked = app.getByRole('button', { name: '2 people: Know at least one other active contact' });
  await expect(linked).toBeVisible();
  await linked.click();
  const dialog = app.getByRole('dialog', { name: 'Know at least one other active contact' });
  await expect(dialog.getByRole('listitem')).toHaveText([/Ada Osei/, /Ben Costa/]);
  await dialog.getByRole('button', { name: /Ben Costa/ }).click();
  await expect(app.getByRole('heading', { name: 'Ben Costa', level: 1 })).toBeVisible();
  await expect(app.getByRole('list', { name: 'Links' })).toContainText('Knows Ada Osei');
});

test('an introduction to consider, logged: it shows with its outcome, links the two and counts as a give', async ({ app, running }) => {
  const { ada } = await seed(running.journal);
  await openNetwork(app);
  await app.getByRole('tab', { name: 'Introductions' }).click();
  await expect(app.getByText('Ada Osei needs “hiring”, and Cy Lima offers it.')).toBeVisible();
  await app.getByRole('button', { name: 'Log it…' }).click();
  await expect(app.getByRole('combobox', { name: 'I introduced' })).toHaveValue('Ada Osei');
  await expect(app.getByRole('combobox', { name: 'To', exact: true })).toHaveValue('Cy Lima');
  await app.getByLabel('Why').fill('Cy knows two analysts looking for a move');
  await app.getByRole('button', { name: 'Log introduction' }).click();
  await expect(app.getByRole('status').getByText('Introduction logged: it counts as a give in your ledger.')).toBeVisible();

  const list = app.getByRole('list', { name: 'Introductions' });
  await expect(list).toContainText('I introduced Ada Osei to Cy Lima');
  await list.getByLabel('Outcome').selectOption('helped');
  await expect(app.getByRole('status').getByText('Outcome saved: it helped.')).toBeVisible();
  await expect(app.getByText('None yet. Write a person’s goal on their page')).toBeVisible();

  const ledger = await call<{ rows: { person: { id: number }; gave: number }[] }>(running.journal, 'reciprocity.ledger', {});
  expect(ledger.rows.find((row) => row.person.id === ada.id)?.gave).toBe(1);
  await list.getByRole('button', { name: 'Cy Lima' }).click();
  await expect(app.getByRole('list', { name: 'Links' })).toContainText('Introduced by me to Ada Osei');
});

test('the career-stage lens puts a section first and says why', async ({ app, running }) => {
  await seed(running.journal);
  await openNetwork(app);
  await expect(app.getByRole('heading', { level: 2 }).first()).toHaveText('Open');
  await app.getByLabel('Career stage').selectOption('rising-leader');
  await expect(app.getByTestId('lens-reason')).toContainText('As a rising leader');
  await expect(app.getByRole('heading', { level: 2 }).first()).toHaveText('Deep');
  // The choice is remembered.
  await openNetwork(app);
  await expect(app.getByLabel('Career stage')).toHaveValue('rising-leader');
});

test('while logging a meeting, tick who knows whom: the link is saved with the interaction', async ({ app, running }) => {
  const { ada } = await seed(running.journal);
  await openNetwork(app);
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  const people = dialog.getByRole('combobox', { name: 'People' });
  for (const name of ['Ada Osei', 'Cy Lima']) {
    await people.pressSequentially(name);
    await expect(dialog.getByRole('option', { name: new RegExp(name) })).toHaveAttribute('aria-selected', 'true');
    await people.press('Enter');
  }
  await dialog.getByRole('checkbox', { name: 'Ada Osei and Cy Lima' }).check();
  await dialog.getByLabel('Title').fill('Hiring lunch');
  await dialog.getByLabel('Title').press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await call<unknown[]>(running.journal, 'links.list', { personId: ada.id })).length).toBe(1);
});

test('the map draws with WebGL, finds a person and shows their card without notes; the list view holds the same graph', async ({ app, running }) => {
  const { ada, ben } = await seed(running.journal);
  await call(running.journal, 'people.update', { id: ada.id, name: 'Ada Osei', organization: 'Northwind', level: 'senior', insideOrg: true, department: 'Finance', tags: ['need:hiring'], notes: 'PRIVATE-NOTE-MARKER' });
  await call(running.journal, 'interactions.create', { occurredAt: daysAgo(5), kind: 'call', title: 'CONFIDENTIAL-TITLE-MARKER', notes: 'CONFIDENTIAL-NOTE-MARKER', confidential: true, personIds: [ada.id] });
  await call(running.journal, 'links.create', { personAId: ada.id, personBId: ben.id, kind: 'works-with' });
  await openNetwork(app);
  await app.getByRole('tab', { name: 'Map' }).click();
  await expect(app.getByText('3 of 3 people shown, 1 links between them')).toBeVisible();
  // Headless Chromium here draws WebGL through SwiftShader: sigma's canvases are in the map.
  const map = app.getByTestId('network-map');
  await expect(map.locator('canvas').first()).toBeAttached();
  await expect(map).toHaveAttribute('data-drawn', 'true');
  await map.focus();
  await expect(map).toHaveAttribute('data-zoom', '1.000');
  await map.press('+');
  // The map reports its camera: the key zoomed in.
  await expect(map).not.toHaveAttribute('data-zoom', '1.000');

  await app.getByRole('combobox', { name: 'Find on the map' }).fill('Ada Osei');
  const card = app.getByRole('complementary', { name: 'Ada Osei' });
  await expect(card).toContainText('Ben Costa');
  await expect(card).toContainText('Finance');
  await expect(card).not.toContainText('MARKER');

  await app.getByRole('radio', { name: 'List' }).check();
  const list = app.getByRole('table', { name: 'People on the map and whom they know' });
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list.getByRole('row', { name: /^Ben Costa/ })).toContainText('Ada Osei');
  await expect(app.locator('body')).not.toContainText('MARKER');

  await app.getByLabel('Inside or outside').selectOption('outside');
  await expect(app.getByText('1 of 3 people shown, 0 links between them')).toBeVisible();
  await card.getByRole('button', { name: 'Open Ada Osei' }).click();
  await expect(app.getByRole('heading', { name: 'Ada Osei', level: 1 })).toBeVisible();
});

test('hand over the sponsors to a successor: the exported HTML has the why and the introduction, and nothing confidential', async ({ app, running }) => {
  const { ada } = await seed(running.journal);
  await call(running.journal, 'people.update', { id: ada.id, name: 'Ada Osei', organization: 'Northwind', allyRole: 'sponsor', notes: 'PRIVATE-NOTE-MARKER' });
  await call(running.journal, 'interactions.create', { occurredAt: daysAgo(3), kind: 'call', title: 'CONFIDENTIAL-TITLE-MARKER', notes: 'CONFIDENTIAL-NOTE-MARKER', confidential: true, personIds: [ada.id] });
  await openNetwork(app);
  await app.getByRole('tab', { name: 'Hand over' }).click();
  await app.getByRole('button', { name: 'Add sponsors' }).click();
  const pack = app.getByRole('list', { name: 'People in the pack' });
  await expect(pack.getByRole('listitem')).toHaveCount(1);
  await app.getByLabel('Why Ada Osei matters').fill('Signs off every budget');
  await app.getByLabel('The introduction to make').fill('Coffee in the first month');
  await app.getByLabel('Successor’s name (optional)').fill('Sam Rivera');
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export HTML' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^handover-\d{4}-\d{2}-\d{2}\.html$/);
  const html = await readFile((await file.path())!, 'utf8');
  expect(html).toContain('Relationships to hand over to Sam Rivera');
  expect(html).toContain('Signs off every budget');
  expect(html).toContain('Coffee in the first month');
  expect(html).toContain('<svg');
  expect(html).not.toContain('MARKER');
  await expect(app.getByRole('status').getByText(/Exported handover-.*\.html with 1 person\./)).toBeVisible();
});

// #11: no screen reads everyone's summary (2 MB at 5,000 people) to offer a few names: the fields ask the
// journal for the names that fit what is typed, and the hand-over reads an organization's people when added.
test('the hand-over adds an organization and someone by name, the palette opens a person, a link is noted: none reads everyone', async ({ app, running }) => {
  await seed(running.journal);
  await openNetwork(app);
  await app.getByRole('tab', { name: 'Hand over' }).click();
  await app.getByLabel('Organization').selectOption('Northwind');
  await app.getByRole('button', { name: 'Add everyone there' }).click();
  const pack = app.getByRole('list', { name: 'People in the pack' });
  await expect(pack.getByRole('listitem')).toHaveCount(2);
  await app.getByRole('combobox', { name: 'Add by name' }).fill('Cy Lima');
  await app.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(pack.getByRole('listitem')).toHaveCount(3);
  await expect(pack).toContainText('Cy Lima');

  await app.keyboard.press('Control+k');
  await app.keyboard.type('cy li');
  await expect(app.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first()).toContainText('Cy Lima');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Cy Lima', level: 1 })).toBeVisible();
  await app.getByRole('button', { name: 'Add a link' }).click();
  const form = app.getByRole('form', { name: 'Add a link' });
  await form.getByRole('combobox', { name: 'Person' }).fill('Ada Osei');
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect(app.getByRole('status').getByText('Noted: Cy Lima knows Ada Osei.')).toBeVisible();
  await expect(app.getByRole('list', { name: 'Links' })).toContainText('Knows Ada Osei');

  expect(running.journalCalls).toContain('people.find');
  expect(running.journalCalls).not.toContain('people.list');
});

test('a goal written on a person page suggests an introduction; the map keeps its view when you come back', async ({ app, running }) => {
  await seed(running.journal);
  await reloadApp(app);
  await app.getByRole('button', { name: 'People' }).first().click();
  await app.getByRole('button', { name: 'Ada Osei' }).click();
  await app.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Ada Osei' });
  await dialog.getByLabel('Their goal').fill('Hire two analysts away from Contoso');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('person-goal')).toHaveText('Hire two analysts away from Contoso');

  await app.keyboard.press('Control+7');
  await app.getByRole('tab', { name: 'Introductions' }).click();
  await expect(app.getByText('Ada Osei’s goal is “Hire two analysts away from Contoso”, and Cy Lima is at Contoso.')).toBeVisible();

  await app.getByRole('tab', { name: 'Map' }).click();
  const map = app.getByTestId('network-map');
  await expect(map).toHaveAttribute('data-drawn', 'true');
  await app.getByLabel('Colour by').selectOption('level');
  await app.getByLabel('Active only').uncheck();
  await expect(map).toHaveAttribute('data-layout', 'settled');
  await app.getByRole('tab', { name: 'Introductions' }).click();
  await app.getByRole('tab', { name: 'Map' }).click();
  await expect(app.getByTestId('network-map')).toHaveAttribute('data-drawn', 'true');
  await expect(app.getByLabel('Active only')).not.toBeChecked();
  await expect(app.getByLabel('Colour by')).toHaveValue('level');
  // Same graph, positions kept: nothing to arrange on the way back.
  await expect(app.getByTestId('network-map')).toHaveAttribute('data-layout', 'settled');
});

/** Where the map draws the people it shows (its own report, once the camera is still), against its size. */
async function framing(app: Page): Promise<{ span: number; fits: number; inside: boolean } | null> {
  const map = app.getByTestId('network-map');
  const size = await map.boundingBox();
  const box = (await map.getAttribute('data-shown-box'))?.split(',').map(Number);
  if (!size || !box || box.length !== 4) return null;
  const [left, top, right, bottom] = box as [number, number, number, number];
  // Sigma fits the frame to the map's shorter side, less its padding (30 px each way).
  return { span: Math.max(right - left, bottom - top), fits: Math.min(size.width, size.height) - 60, inside: left >= 0 && top >= 0 && right <= size.width && bottom <= size.height };
}

test('the map frames the people a filter leaves, and its legend sits outside the drawing (1024×640)', async ({ app, running }) => {
  await app.setViewportSize({ width: 1024, height: 640 });
  // Three people met this month, linked; twelve not met for two years, in groups of their own.
  const met: Person[] = [];
  for (const name of ['Ada Osei', 'Ben Costa', 'Cy Lima']) {
    const person = await call<Person>(running.journal, 'people.create', { name, organization: 'Northwind', level: 'peer' });
    await call(running.journal, 'interactions.create', { occurredAt: daysAgo(3), kind: 'coffee', title: `Coffee with ${name}`, personIds: [person.id] });
    met.push(person);
  }
  await call(running.journal, 'links.create', { personAId: met[0]!.id, personBId: met[1]!.id });
  await call(running.journal, 'links.create', { personAId: met[1]!.id, personBId: met[2]!.id });
  const old: Person[] = [];
  for (let i = 0; i < 12; i += 1) {
    const person = await call<Person>(running.journal, 'people.create', { name: `Former ${i + 1}`, organization: `Old Org ${i % 4}`, level: i % 2 ? 'senior' : 'junior' });
    await call(running.journal, 'interactions.create', { occurredAt: daysAgo(800), kind: 'meeting', title: 'Long ago', personIds: [person.id] });
    old.push(person);
  }
  for (let i = 0; i < 12; i += 3) await call(running.journal, 'links.create', { personAId: old[i]!.id, personBId: old[i + 1]!.id });
  await openNetwork(app);
  await app.getByRole('tab', { name: 'Map' }).click();
  const map = app.getByTestId('network-map');
  await expect(map).toHaveAttribute('data-drawn', 'true');
  await expect(app.getByLabel('Active only')).toBeChecked();
  await expect(app.getByText('3 of 15 people shown, 2 links between them')).toBeVisible();
  await expect(map).toHaveAttribute('data-layout', 'settled', { timeout: 15_000 });

  // Active only: the three and me fill the map, rather than sitting small among the hidden fifteen's room.
  const filled = async () => {
    const frame = await framing(app);
    return frame !== null && frame.inside && frame.span >= 0.85 * frame.fits;
  };
  await expect.poll(filled).toBe(true);
  // Everyone, then only those above me: each time the camera frames who is left.
  await app.getByLabel('Active only').uncheck();
  await expect(app.getByText('15 of 15 people shown')).toBeVisible();
  await expect.poll(filled).toBe(true);
  await app.getByLabel('Level').selectOption('senior');
  await expect(app.getByText('6 of 15 people shown')).toBeVisible();
  await expect.poll(filled).toBe(true);
  // Finding someone the filters hide shows everyone again, and the camera then goes to them (it is not
  // sent back to the whole map by the wider filters).
  await app.getByRole('combobox', { name: 'Find on the map' }).fill('Ada Osei');
  await expect(app.getByText('15 of 15 people shown')).toBeVisible();
  await expect(app.getByRole('complementary', { name: 'Ada Osei' })).toBeVisible();
  await expect(map).toHaveAttribute('data-zoom', '0.350');

  // The legend is beside the map, not over it.
  const legend = await app.getByRole('list', { name: 'Colours' }).boundingBox();
  const drawing = await map.boundingBox();
  expect(legend && drawing && legend.x >= drawing.x + drawing.width).toBe(true);
  await expect(app.getByRole('list', { name: 'Colours' })).toBeInViewport();
  await expect(app.getByRole('button', { name: 'Reset the view' })).toBeInViewport();
});

test('the map\'s search suggests the names holding what is typed, fifty at most, and still finds anyone by name', async ({ app, running }) => {
  for (let i = 0; i < 70; i += 1) await call(running.journal, 'people.create', { name: `Person ${String(i).padStart(2, '0')}`, organization: i % 2 ? 'Northwind' : 'Contoso' });
  await call(running.journal, 'people.create', { name: 'Zora Quill' });
  await openNetwork(app);
  await app.getByRole('tab', { name: 'Map' }).click();
  const field = app.getByRole('combobox', { name: 'Find on the map' });
  const listId = await field.getAttribute('list');
  const options = app.locator(`datalist[id="${listId}"] option`);
  // Nothing typed: the first fifty, not all 71.
  await expect(options).toHaveCount(50);
  await field.fill('person 6');
  await expect(options).toHaveCount(10);
  for (const value of await options.evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value))) expect(value.toLowerCase()).toContain('person 6');
  // A name beyond the first fifty is suggested once typed, and chosen.
  await field.fill('Zora');
  await expect(options).toHaveCount(1);
  await field.fill('Zora Quill');
  await expect(app.getByRole('complementary', { name: 'Zora Quill' })).toBeVisible();
});
