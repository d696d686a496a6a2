/** #12: answered by the journal session in front of the journal, so they work while it is locked. */
export const securityCallNames = [
  'journal.status',
  'security.info',
  'security.unlock',
  'security.lock',
  'security.setPassphrase',
  'security.changePassphrase',
] as const;
export type SecurityCallName = (typeof securityCallNames)[number];

// The list of calls, free of schemas, so the sandboxed preload can be built from it without zod.
// contract.ts checks (with `satisfies`) that it names exactly the calls the contract defines.
export const callNames = [
  ...securityCallNames,
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
  'interactions.purgeTrash',
  // Journal safety (contract/recovery.ts)
  'recovery.restoreBackup',
  'recovery.openReadOnly',
  'backups.list',
  'backups.create',
  'backups.restore',
  'backups.setFolder',
] as const;

export type CallName = (typeof callNames)[number];

/** Calls main answers itself (dialogs, settings, quitting, restarting the journal); see contract/shell.ts. */
export const shellCallNames = [
  'app.info',
  'app.quit',
  'app.restartJournal',
  'app.showInFolder',
  'app.openAnother',
  'app.pickFolder',
  'app.saveFile',
  'settings.get',
  'settings.set',
] as const;
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
  /** The journal stopped, restarted or changed: ask journal.status again. */
  'journal-status',
  'open-settings',
  'lock-now',
  'privacy-screen',
] as const;
export type MenuAction = (typeof menuActions)[number];
