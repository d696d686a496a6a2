import { startOfMonth, subMonths } from 'date-fns';

// The ledger's periods start at the beginning of a local month, so the flow chart's first bar is whole.
export type Period = '3m' | '6m' | '12m' | '24m' | 'all';

export const periods: { id: Period; label: string; months: number | null }[] = [
  { id: '3m', label: 'Last 3 months', months: 3 },
  { id: '6m', label: 'Last 6 months', months: 6 },
  { id: '12m', label: 'Last 12 months', months: 12 },
  { id: '24m', label: 'Last 2 years', months: 24 },
  { id: 'all', label: 'All time', months: null },
];

export function periodStart(period: Period, now = new Date()): string | null {
  const months = periods.find((p) => p.id === period)?.months ?? null;
  return months === null ? null : startOfMonth(subMonths(now, months - 1)).toISOString();
}
