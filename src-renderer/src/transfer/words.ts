// Words for the dialogs that bring contacts in and take the journal out.
import type { CsvField, MergeField, PreviewRow } from '../../../src-main/contract/contract';

export const csvFieldLabels: Record<CsvField, string> = {
  ignore: 'Leave out',
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  nickname: 'Nickname',
  address: 'Address',
  im: 'Messaging handle',
  organization: 'Organization',
  role: 'Role or title',
  department: 'Function',
  url: 'Profile link',
  birthday: 'Birthday',
  notes: 'Notes',
  tags: 'Tags',
  howWeMet: 'How we met',
  connectedOn: 'Connected on (date)',
};

export const mergeFieldLabels: Record<MergeField, string> = {
  name: 'Name',
  organization: 'Organization',
  department: 'Function',
  role: 'Role',
  birthday: 'Birthday',
  howWeMet: 'How we met',
  notes: 'Notes',
};

export const statusLabels: Record<PreviewRow['status'], string> = {
  new: 'New',
  match: 'Matches',
  same: 'Already here',
  skip: 'Skipped',
};
