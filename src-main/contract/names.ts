// The list of calls, free of schemas, so the sandboxed preload can be built from it without zod.
// contract.ts checks (with `satisfies`) that it names exactly the calls the contract defines.
export const callNames = [
  'journal.info',
  'journal.loadSample',
  'people.list',
  'people.get',
  'people.create',
  'people.update',
  'interactions.timeline',
  'interactions.get',
  'interactions.create',
  'interactions.update',
  'interactions.delete',
  'interactions.undoDelete',
  'people.merge',
  'exchanges.create',
  'exchanges.update',
  'exchanges.delete',
  'asks.create',
  'asks.update',
  'asks.resolve',
  'asks.delete',
  'thanks.create',
  'thanks.delete',
  'commitments.create',
  'commitments.update',
  'commitments.setStatus',
  'commitments.delete',
  'giveFirst.dismiss',
  'giveFirst.restore',
  'reciprocity.ledger',
  'reciprocity.queues',
  'reciprocity.person',
  'reciprocity.beforeAsk',
  'search.query',
  'associations.list',
  'associations.get',
  'associations.create',
  'associations.update',
  'associations.setStatus',
  'associations.setGoal',
  'associations.delete',
  'associations.pace',
  'review.quarter',
  'review.exportMarkdown',
  'import.stage',
  'import.preview',
  'import.commit',
  'import.restoreJournal',
  'export.json',
  'export.csv',
  'export.markdown',
  'export.journalCopy',
] as const;

export type CallName = (typeof callNames)[number];

/** Calls main handles itself (native dialogs), validated there against contract/shell.ts. */
export const shellCallNames = ['app.saveFile'] as const;
export type ShellCallName = (typeof shellCallNames)[number];

/** Events main sends the renderer (menu items, shortcuts handled natively). */
export const menuActions = [
  'log-interaction',
  'go-timeline',
  'go-people',
  'go-reciprocity',
  'go-associations',
  'go-review',
  'go-search',
  'find',
  'command-palette',
  'import',
  'export',
] as const;
export type MenuAction = (typeof menuActions)[number];
