// Words for the reciprocity screens, shared by the view, the person page and the log form.
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { dateLabel } from '../lib/format';
import type { AskDirection, AskStatus, CommitmentDirection, CommitmentStatus, ExchangeKind } from '../../../src-main/contract/contract';

export type ItemMode = 'exchange' | 'ask' | 'commitment';

export const exchangeKindLabels: Record<ExchangeKind, string> = {
  introduction: 'Introduction',
  advice: 'Advice',
  information: 'Information',
  resource: 'Resource',
  referral: 'Referral',
  endorsement: 'Endorsement',
  help: 'Time / help',
  other: 'Other',
};

export const askDirectionLabels: Record<AskDirection, string> = { 'i-asked': 'I asked', 'they-asked': 'They asked' };
export const askStatusLabels: Record<AskStatus, string> = { open: 'Open', fulfilled: 'Fulfilled', declined: 'Declined', withdrawn: 'Withdrawn' };
export const commitmentDirectionLabels: Record<CommitmentDirection, string> = { 'i-owe': 'I owe', 'owed-to-me': 'Owed to me' };
export const commitmentStatusLabels: Record<CommitmentStatus, string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

/** Local calendar day 'YYYY-MM-DD', `days` from today. */
export function dayFromToday(days: number, now = new Date()): string {
  const date = new Date(now);
  date.setDate(date.getDate() + days);
  return format(date, 'yyyy-MM-dd'); // a key for the journal, not for reading
}

/** "Due today", "Due in 3 days", "2 days overdue", "Due 3 Mar". */
export function dueLabel(dueOn: string, today = dayFromToday(0)): string {
  const days = differenceInCalendarDays(parseISO(dueOn), parseISO(today));
  if (days === 0) return 'Due today';
  if (days === 1) return 'Due tomorrow';
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  if (days < 7) return `Due in ${days} days`;
  return `Due ${dateLabel(dueOn, parseISO(today))}`;
}

export function dayLabelOf(day: string): string {
  return dateLabel(day);
}

/** "+3", "0", "−2": the sign says who has given more. */
export function balanceLabel(balance: number): string {
  return balance > 0 ? `+${balance}` : balance < 0 ? `−${-balance}` : '0';
}

export function balanceWords(balance: number): string {
  if (balance > 0) return `you have given ${balance} more`;
  if (balance < 0) return `they have given ${-balance} more`;
  return 'even';
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-');
  return `${q} ${year}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
