import type { Person } from '../../src-main/contract/contract.js';
import { HIDE_EDGES_ON_MOVE_FROM } from '../../src-renderer/src/network/map.js';
import { test, expect, reloadApp } from './fixtures.js';

// A large map does not draw while its camera moves: the last frame is moved as a picture, and a still frame
// is drawn once the camera stops (map-renderer.ts). What the user needs of that: after a wheel turn the
// map settles and a person is where it shows them, so a click on them opens their card.

test('after a wheel zoom a large map settles, and a click on the person where they now are opens their card', async ({ app, running }) => {
  const journal = running.journal;
  const people: Person[] = [];
  for (let i = 0; i < 80; i += 1) {
    const result = await journal.call('people.create', { name: i === 0 ? 'Ada Osei' : `Person ${String(i).padStart(2, '0')}`, organization: i % 2 ? 'Northwind' : 'Contoso' });
    if (!result.ok) throw new Error(result.error.message);
    people.push(result.value as Person);
  }
  // Everyone knows everyone: 3,160 links, over the count from which the map hides links on the move.
  const raw = journal.db!.raw;
  const at = new Date().toISOString();
  const insert = raw.prepare(`INSERT INTO person_ties (person_a_id, person_b_id, kind, source, created_at, updated_at) VALUES (?, ?, 'knows', 'manual', ?, ?)`);
  raw.transaction(() => {
    for (const [i, a] of people.entries()) for (const b of people.slice(i + 1)) insert.run(a.id, b.id, at, at);
  })();
  expect((people.length * (people.length - 1)) / 2).toBeGreaterThan(HIDE_EDGES_ON_MOVE_FROM);

  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+7');
  await app.getByRole('tab', { name: 'Map' }).click();
  // Nobody here was met lately: everyone is shown once "Active only" is off.
  await app.getByLabel('Active only').uncheck();
  await expect(app.getByText('80 of 80 people shown, 3160 links between them')).toBeVisible();
  const map = app.getByTestId('network-map');
  await expect(map).toHaveAttribute('data-drawn', 'true');
  await expect(map).toHaveAttribute('data-layout', 'settled');

  // Found, the camera glides to Ada: she is in the middle of the map.
  await app.getByRole('combobox', { name: 'Find on the map' }).fill('Ada Osei');
  const card = app.getByRole('complementary', { name: 'Ada Osei' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Close the card' }).click();
  await expect(card).toBeHidden();
  // The glide's end: the camera's zoom is where the wheel starts from.
  await expect(map).toHaveAttribute('data-zoom', '0.350');
  const box = (await map.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

  // One wheel step in (sigma zooms 1.7× a step), pointed away from Ada: the point under the pointer stays
  // put, so she moves outwards, to where the still frame will draw her.
  const pointer = { x: centre.x - box.width / 5, y: centre.y - box.height / 5 };
  await app.mouse.move(pointer.x, pointer.y);
  await app.mouse.wheel(0, -100);
  await expect(map).toHaveAttribute('data-zoom', (0.35 / 1.7).toFixed(3));
  const ada = { x: pointer.x + (centre.x - pointer.x) * 1.7, y: pointer.y + (centre.y - pointer.y) * 1.7 };
  // Until the map settles nobody is under the pointer (no picking mid-move), so a click then finds no one;
  // once the still frame is drawn, Ada is found where she now is.
  await expect(async () => {
    await app.mouse.click(ada.x, ada.y);
    await expect(card).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
});
