import { format } from 'date-fns';
import { sql, type Kysely } from 'kysely';
import type { AllyRole, HandoverPack, Level, ParsedInput } from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { daysBefore, localDay } from '../reciprocity/clock.js';
import { escapeMarkdown } from '../review/markdown.js';

// The hand-over pack: the relationships a successor should inherit, why each matters and the introduction
// to make, as one self-contained HTML file (a static SVG map, no script, nothing fetched) and as Markdown.
// It leaves the journal's protection, so by default it holds nothing from a confidential entry, no private
// note about a person and no give-and-take balance; each of those goes in only when ticked for that person.

type Item = ParsedInput<'handover.export'>['items'][number];

interface Brief {
  item: Item;
  name: string;
  role: string | null;
  organization: string | null;
  level: Level | null;
  insideOrg: boolean | null;
  department: string | null;
  allyRole: AllyRole | null;
  howWeMet: string | null;
  /** What they are working towards (their page's goal): what a successor can help with first. */
  goal: string | null;
  privateNotes: string | null;
  /** Recent conversation topics: titles and the first words of notes, from non-confidential entries unless ticked. */
  conversations: { on: string; title: string; excerpt: string | null; confidential: boolean }[];
  commitments: { direction: 'i-owe' | 'owed-to-me'; description: string; dueOn: string; confidential: boolean }[];
  balance: { gave: number; received: number } | null;
  knows: string[];
}

const LEVEL_WORDS: Record<Level, string> = { senior: 'More senior than me', peer: 'A peer', junior: 'More junior than me' };
const ALLY_WORDS: Record<AllyRole, string> = { mentor: 'Mentor', sponsor: 'Sponsor', ally: 'Ally', contact: 'Contact', gatekeeper: 'Gatekeeper' };
const EXCERPT = 240;
const CONVERSATIONS = 3;

function excerpt(notes: string): string | null {
  const text = notes.replace(/[#*_`>[\]]/g, '').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text;
}

async function briefs(db: Kysely<Database>, items: Item[], now: string): Promise<Brief[]> {
  const ids = items.map((item) => item.personId);
  const people = new Map((await db.selectFrom('people').selectAll().where('id', 'in', ids).execute()).map((row) => [row.id, row]));
  const missing = ids.find((id) => !people.has(id));
  if (missing !== undefined) throw notFound('person', missing);
  const since = daysBefore(now, 365);
  const chosen = new Set(ids);
  const links = await db
    .selectFrom('person_ties')
    .select(['person_a_id', 'person_b_id'])
    .where((eb) => eb.or([eb('person_a_id', 'in', ids), eb('person_b_id', 'in', ids)]))
    .execute();
  const names = new Map(
    (await db.selectFrom('people').select(['id', 'name']).where('id', 'in', [...new Set(links.flatMap((l) => [l.person_a_id, l.person_b_id]))].concat(0)).execute()).map((row) => [row.id, row.name]),
  );

  const result: Brief[] = [];
  for (const item of items) {
    const person = people.get(item.personId)!;
    // Only what was ticked is even read: a confidential entry's text never reaches the pack's builder otherwise.
    let conversations = db
      .selectFrom('interactions as i')
      .innerJoin('interaction_people as ip', 'ip.interaction_id', 'i.id')
      .select(['i.occurred_at', 'i.title', 'i.notes', 'i.confidential'])
      .where('ip.person_id', '=', item.personId)
      .where('i.deleted_at', 'is', null)
      .where('i.occurred_at', '<=', now);
    if (!item.includeConfidential) conversations = conversations.where('i.confidential', '=', 0);
    const talks = await conversations.orderBy('i.occurred_at', 'desc').limit(CONVERSATIONS).execute();

    let commitments = db
      .selectFrom('commitments as c')
      .leftJoin('interactions as i', 'i.id', 'c.interaction_id')
      .select(['c.direction', 'c.description', 'c.due_on', 'i.confidential'])
      .where('c.person_id', '=', item.personId)
      .where('c.status', '=', 'open')
      .where('i.deleted_at', 'is', null);
    if (!item.includeConfidential) commitments = commitments.where((eb) => eb.or([eb('i.confidential', 'is', null), eb('i.confidential', '=', 0)]));
    const promises = await commitments.orderBy('c.due_on').execute();

    let balance: Brief['balance'] = null;
    if (item.includeBalance) {
      const { rows } = await sql<{ gave: number; received: number }>`
        SELECT COALESCE(SUM(e.direction = 'gave'), 0) AS gave, COALESCE(SUM(e.direction = 'received'), 0) AS received
        FROM exchange_people ep JOIN exchanges e ON e.id = ep.exchange_id LEFT JOIN interactions i ON i.id = e.interaction_id
        WHERE ep.person_id = ${item.personId} AND i.deleted_at IS NULL AND e.occurred_at >= ${since} AND e.occurred_at <= ${now}`.execute(db);
      balance = { gave: Number(rows[0]?.gave ?? 0), received: Number(rows[0]?.received ?? 0) };
    }

    const knows = links
      .filter((l) => l.person_a_id === item.personId || l.person_b_id === item.personId)
      .map((l) => (l.person_a_id === item.personId ? l.person_b_id : l.person_a_id))
      .filter((other) => chosen.has(other))
      .map((other) => names.get(other)!)
      .filter((name, index, all) => name && all.indexOf(name) === index)
      .sort();

    result.push({
      item,
      name: person.name,
      role: person.role,
      organization: person.organization,
      level: person.level,
      insideOrg: person.inside_org === null ? null : person.inside_org === 1,
      department: person.department,
      allyRole: person.ally_role as AllyRole | null,
      howWeMet: person.how_we_met,
      goal: person.goal,
      privateNotes: item.includePrivateNotes ? person.notes : null,
      conversations: talks.map((t) => ({ on: localDay(t.occurred_at), title: t.title, excerpt: excerpt(t.notes), confidential: t.confidential === 1 })),
      commitments: promises.map((c) => ({ direction: c.direction, description: c.description, dueOn: c.due_on, confidential: c.confidential === 1 })),
      balance,
      knows,
    });
  }
  return result;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const dayWords = (day: string) => format(new Date(`${day}T12:00:00`), 'd MMM yyyy');

function facts(brief: Brief): string[] {
  return [
    [brief.role, brief.organization].filter(Boolean).join(', '),
    brief.level ? LEVEL_WORDS[brief.level] : '',
    brief.insideOrg === null ? '' : brief.insideOrg ? 'Inside the organization' : 'Outside the organization',
    brief.department ? `Function: ${brief.department}` : '',
    brief.allyRole ? `Ally role: ${ALLY_WORDS[brief.allyRole]}` : '',
  ].filter(Boolean);
}

/** A static picture: me in the middle, the people handed over around me, and the links among them. */
export function svgMap(people: { name: string; knows: string[] }[]): string {
  const size = 640;
  const centre = size / 2;
  const radius = people.length <= 1 ? 0 : Math.min(250, 90 + people.length * 8);
  const at = new Map(
    people.map((person, index) => {
      const angle = (2 * Math.PI * index) / Math.max(1, people.length) - Math.PI / 2;
      return [person.name, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) }];
    }),
  );
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const person of people) {
    const a = at.get(person.name)!;
    lines.push(`<line x1="${centre}" y1="${centre}" x2="${a.x.toFixed(1)}" y2="${a.y.toFixed(1)}" stroke="#cfcbc0" stroke-width="1"/>`);
    for (const other of person.knows) {
      const key = [person.name, other].sort().join('\u0000');
      const b = at.get(other);
      if (!b || seen.has(key)) continue;
      seen.add(key);
      lines.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="#3f5bd9" stroke-width="2"/>`);
    }
  }
  const nodes = people.map((person) => {
    const p = at.get(person.name)!;
    const anchor = p.x < centre - 5 ? 'end' : p.x > centre + 5 ? 'start' : 'middle';
    const dx = anchor === 'end' ? -12 : anchor === 'start' ? 12 : 0;
    const dy = anchor === 'middle' ? (p.y < centre ? -14 : 22) : 4;
    return `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="8" fill="#0072B2"/><text x="${(p.x + dx).toFixed(1)}" y="${(p.y + dy).toFixed(1)}" text-anchor="${anchor}" font-size="13" fill="#1d1f24">${escapeHtml(person.name)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-120 0 ${size + 240} ${size}" role="img" aria-label="Map of the relationships handed over">${lines.join('')}<circle cx="${centre}" cy="${centre}" r="12" fill="#3f5bd9"/><text x="${centre}" y="${centre + 30}" text-anchor="middle" font-size="13" font-weight="700" fill="#1d1f24">Me</text>${nodes.join('')}</svg>`;
}

function html(list: Brief[], successor: string | null, on: string): string {
  const e = escapeHtml;
  const people = list
    .map((b) => {
      const sections: string[] = [`<h2 id="p${b.item.personId}">${e(b.name)}</h2>`];
      const known = facts(b);
      if (known.length) sections.push(`<p class="facts">${known.map(e).join(' · ')}</p>`);
      if (b.item.why) sections.push(`<h3>Why they matter</h3><p>${e(b.item.why)}</p>`);
      if (b.item.introduction) sections.push(`<h3>The introduction to make</h3><p>${e(b.item.introduction)}</p>`);
      if (b.howWeMet) sections.push(`<h3>How we met</h3><p>${e(b.howWeMet)}</p>`);
      if (b.goal) sections.push(`<h3>What they are working towards</h3><p>${e(b.goal)}</p>`);
      if (b.conversations.length) {
        sections.push(`<h3>What we have talked about</h3><ul>${b.conversations.map((c) => `<li><strong>${e(dayWords(c.on))}: ${e(c.title)}</strong>${c.confidential ? ' <em>(confidential, included by choice)</em>' : ''}${c.excerpt ? ` — ${e(c.excerpt)}` : ''}</li>`).join('')}</ul>`);
      }
      if (b.commitments.length) {
        sections.push(`<h3>Open commitments</h3><ul>${b.commitments.map((c) => `<li>${c.direction === 'i-owe' ? 'I promised' : 'They promised'}: ${e(c.description)} (due ${e(dayWords(c.dueOn))})</li>`).join('')}</ul>`);
      }
      if (b.knows.length) sections.push(`<h3>Knows, among these people</h3><p>${b.knows.map(e).join(', ')}</p>`);
      if (b.privateNotes) sections.push(`<h3>My notes (included by choice)</h3><p>${e(b.privateNotes)}</p>`);
      if (b.balance) sections.push(`<h3>Give and take, last 12 months (included by choice)</h3><p>I gave ${b.balance.gave}, received ${b.balance.received}.</p>`);
      return `<section>${sections.join('\n')}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Relationships to hand over${successor ? ` to ${e(successor)}` : ''}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d1f24;background:#f7f6f3;margin:0;padding:2rem}
main{max-width:860px;margin:0 auto}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:0 0 .25rem}h3{font-size:.85rem;color:#5f636d;margin:1rem 0 .25rem;text-transform:uppercase;letter-spacing:.04em}
section{background:#fff;border:1px solid #e3e0d8;border-radius:12px;padding:1rem 1.25rem;margin:1rem 0}
.facts{color:#5f636d;margin:0}.lede{color:#5f636d}
figure{background:#fff;border:1px solid #e3e0d8;border-radius:12px;margin:1rem 0;padding:.5rem}svg{width:100%;height:auto}
ul{margin:.25rem 0;padding-left:1.25rem}
</style></head>
<body><main>
<h1>Relationships to hand over${successor ? ` to ${e(successor)}` : ''}</h1>
<p class="lede">${list.length} ${list.length === 1 ? 'person' : 'people'}, prepared ${e(dayWords(on))} with Confidant. Drawn from non-confidential notes only; nothing said in confidence is here${list.some((b) => b.item.includeConfidential || b.item.includePrivateNotes || b.item.includeBalance) ? ', except where marked “included by choice”' : ''}.</p>
<figure>${svgMap(list.map((b) => ({ name: b.name, knows: b.knows })))}<figcaption class="facts">Me at the centre; blue lines join people who know each other.</figcaption></figure>
${people}
</main></body></html>
`;
}

function markdown(list: Brief[], successor: string | null, on: string): string {
  const m = escapeMarkdown;
  const lines = [`# Relationships to hand over${successor ? ` to ${m(successor)}` : ''}`, '', `${list.length} ${list.length === 1 ? 'person' : 'people'}, prepared ${dayWords(on)} with Confidant. Drawn from non-confidential notes only.`, ''];
  for (const b of list) {
    lines.push(`## ${m(b.name)}`, '');
    const known = facts(b);
    if (known.length) lines.push(known.map(m).join(' · '), '');
    if (b.item.why) lines.push('**Why they matter:** ' + m(b.item.why), '');
    if (b.item.introduction) lines.push('**The introduction to make:** ' + m(b.item.introduction), '');
    if (b.howWeMet) lines.push('**How we met:** ' + m(b.howWeMet), '');
    if (b.goal) lines.push('**What they are working towards:** ' + m(b.goal), '');
    if (b.conversations.length) {
      lines.push('**What we have talked about:**', '');
      for (const c of b.conversations) lines.push(`- ${dayWords(c.on)}: ${m(c.title)}${c.confidential ? ' _(confidential, included by choice)_' : ''}${c.excerpt ? ` — ${m(c.excerpt)}` : ''}`);
      lines.push('');
    }
    if (b.commitments.length) {
      lines.push('**Open commitments:**', '');
      for (const c of b.commitments) lines.push(`- ${c.direction === 'i-owe' ? 'I promised' : 'They promised'}: ${m(c.description)} (due ${dayWords(c.dueOn)})`);
      lines.push('');
    }
    if (b.knows.length) lines.push('**Knows, among these people:** ' + b.knows.map(m).join(', '), '');
    if (b.privateNotes) lines.push('**My notes (included by choice):** ' + m(b.privateNotes), '');
    if (b.balance) lines.push(`**Give and take, last 12 months (included by choice):** I gave ${b.balance.gave}, received ${b.balance.received}.`, '');
  }
  return lines.join('\n');
}

export async function handoverPack(db: Kysely<Database>, input: ParsedInput<'handover.export'>, now: string): Promise<HandoverPack> {
  const list = await briefs(db, input.items, now);
  const on = localDay(now);
  return {
    filename: `handover-${on}`,
    html: html(list, input.successor, on),
    markdown: markdown(list, input.successor, on),
    people: list.length,
  };
}
