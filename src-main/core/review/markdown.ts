import { format } from 'date-fns';
import type { QuarterAttendance, QuarterReview, ReviewExport } from '../../contract/contract.js';
import type { Db } from '../reciprocity/items.js';
import { quarterLabel } from '../quarters.js';

// The review as Markdown, for keeping or sharing with a coach. Notes never appear: not interaction notes,
// not people's or associations' notes. What was given, promised or titled inside a confidential entry is
// left out too, named only as "a confidential entry", since the export leaves the journal's protection.

const CONFIDENTIAL = '_(from a confidential entry)_';

/** Escapes text a user typed so it cannot become Markdown structure (tables, links, emphasis, HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>|~])/g, '\\$1');
}

const day = (iso: string) => format(new Date(iso), 'd MMM yyyy');
const calendarDay = (value: string) => format(new Date(`${value}T12:00:00`), 'd MMM yyyy');
const cell = (attendance: QuarterAttendance) =>
  attendance.state === 'none' ? (attendance.attended ? `${attendance.attended}` : '·') : `${attendance.attended}/${attendance.goal} ${attendance.state === 'met' ? '✓' : attendance.state === 'missed' ? '✗' : '…'}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function reviewMarkdown(db: Db, review: QuarterReview): Promise<ReviewExport> {
  const { summary } = review;
  const itemInteractions = [
    ...summary.thanksOwed.map((item) => item.exchange.interactionId),
    ...Object.values(summary.commitments).flatMap((list) => list.map((commitment) => commitment.interactionId)),
  ].filter((id): id is number => id !== null);
  const confidential = new Set(
    itemInteractions.length
      ? (await db.selectFrom('interactions').select('id').where('id', 'in', itemInteractions).where('confidential', '=', 1).execute()).map((row) => row.id)
      : [],
  );
  const text = (value: string, interactionId: number | null) => (interactionId !== null && confidential.has(interactionId) ? CONFIDENTIAL : escapeMarkdown(value));

  const lines: string[] = [];
  const label = quarterLabel(review.quarter);
  lines.push(`# Quarterly review: ${label}`, '', `${calendarDay(review.firstDay)} to ${calendarDay(review.lastDay)}${review.current ? ' (in progress)' : ''}. Exported from Confidant; notes are never included.`, '');

  lines.push('## Associations', '');
  if (review.attendance.length === 0) lines.push('No attendance goals or association events this quarter.', '');
  else {
    lines.push('| Association | Status | Attended | Goal | Result |', '| --- | --- | --- | --- | --- |');
    for (const row of review.attendance) {
      const result = { met: 'Met', missed: 'Missed', open: 'In progress', none: 'No goal' }[row.state];
      lines.push(`| ${escapeMarkdown(row.association.name)} | ${row.status} | ${row.attended} | ${row.goal ?? '–'} | ${result} |`);
    }
    lines.push('');
  }

  lines.push('## Relationships', '');
  lines.push(`- Interactions logged: ${summary.interactions} (${plural(summary.events, 'event')})`);
  lines.push(`- People seen: ${summary.peopleSeen}`);
  lines.push(`- New people met: ${summary.newPeople.length}`);
  for (const met of summary.newPeople) {
    const where = met.association ? `at ${escapeMarkdown(met.association.name)}` : met.interaction.confidential ? `in a ${met.interaction.kind}` : `at “${escapeMarkdown(met.interaction.title)}”`;
    lines.push(`  - ${escapeMarkdown(met.person.name)}, ${where}, ${day(met.firstMetAt)}`);
  }
  lines.push(`- Gave ${summary.gave}, received ${summary.received}; I asked ${summary.asked}, they asked ${summary.theyAsked}`, '');

  lines.push('## Thanks owed', '');
  if (summary.thanksOwed.length === 0) lines.push('None: every help received this quarter was thanked.');
  for (const { exchange } of summary.thanksOwed) {
    lines.push(`- ${exchange.people.map((person) => escapeMarkdown(person.name)).join(', ')}: ${text(exchange.description, exchange.interactionId)} (${day(exchange.occurredAt)})`);
  }
  lines.push('');

  const { kept, late, missed, open } = summary.commitments;
  lines.push('## Commitments', '', `Kept on time ${kept.length}, kept late ${late.length}, missed ${missed.length}, still open ${open.length}.`, '');
  for (const [heading, list] of [['Missed', missed], ['Kept late', late], ['Still open', open]] as const) {
    for (const commitment of list) {
      lines.push(`- ${heading}: ${text(commitment.description, commitment.interactionId)}, for ${escapeMarkdown(commitment.person.name)}, due ${calendarDay(commitment.dueOn)}`);
    }
  }
  if (missed.length + late.length + open.length > 0) lines.push('');

  lines.push('## Overdue for contact', '');
  if (summary.overdue.length === 0) lines.push('Nobody is past their keep-in-touch cadence.');
  for (const item of summary.overdue) {
    lines.push(`- ${escapeMarkdown(item.person.name)}: ${item.lastContactAt ? `last contact ${day(item.lastContactAt)}, ${plural(item.overdueDays, 'day')} past every ${item.cadenceDays} days` : 'never contacted'}`);
  }
  lines.push('');

  if (review.heatmap.rows.length > 0) {
    lines.push('## Two years of attendance', '');
    lines.push(`| Association | ${review.heatmap.quarters.map(quarterLabel).join(' | ')} |`, `| --- |${' --- |'.repeat(review.heatmap.quarters.length)}`);
    for (const row of review.heatmap.rows) lines.push(`| ${escapeMarkdown(row.association.name)} | ${row.cells.map(cell).join(' | ')} |`);
    lines.push('', 'Attended/goal: ✓ met, ✗ missed, … in progress, · no goal.', '');
  }

  return { filename: `confidant-review-${review.quarter}.md`, markdown: `${lines.join('\n').trimEnd()}\n` };
}
