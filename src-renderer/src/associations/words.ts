import type { AssociationCategory, AssociationRole, AssociationStatus, QuarterAttendance } from '../../../src-main/contract/contract';

export const categoryLabels: Record<AssociationCategory, string> = {
  function: 'Function',
  industry: 'Industry',
  skill: 'Skill',
  other: 'Other',
};

export const roleLabels: Record<AssociationRole, string> = {
  member: 'Member',
  volunteer: 'Volunteer',
  board: 'Board',
  speaker: 'Speaker',
};

export const statusLabels: Record<AssociationStatus, string> = {
  exploring: 'Exploring',
  shortlisted: 'Shortlisted',
  focus: 'Focus',
  past: 'Past',
};

export const statusHints: Record<AssociationStatus, string> = {
  exploring: 'Researching: attend a meeting or two.',
  shortlisted: 'Narrow to three, and try each.',
  focus: 'The one you attend every quarter.',
  past: 'Moved on.',
};

export const stateLabels: Record<QuarterAttendance['state'], string> = {
  met: 'Met',
  missed: 'Missed',
  open: 'In progress',
  none: 'No goal',
};

/** 'Q1 2025' for '2025-Q1'. */
export function quarterLabel(quarter: string): string {
  return `${quarter.slice(5)} ${quarter.slice(0, 4)}`;
}

/** "1 of 1 events", "2 events" (no goal). */
export function attendanceText(attendance: QuarterAttendance): string {
  const events = (n: number) => `${n} ${n === 1 ? 'event' : 'events'}`;
  return attendance.goal ? `${attendance.attended} of ${events(attendance.goal)}` : events(attendance.attended);
}

/** A cell's accessible description: "Q3 2025: 1 of 1 event, met". */
export function cellLabel(attendance: QuarterAttendance): string {
  return `${quarterLabel(attendance.quarter)}: ${attendanceText(attendance)}, ${stateLabels[attendance.state].toLowerCase()}`;
}
