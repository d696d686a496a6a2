// Sizes and dates for the recovery screen and the backups list.

export function bytesLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export { dateTimeLabel } from '../lib/format';

export const reasonLabels = {
  daily: 'Daily',
  manual: 'Backed up by you',
  'before-upgrade': 'Before an upgrade',
  'before-restore': 'Before a restore',
} as const;
