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
  'search.query',
] as const;

export type CallName = (typeof callNames)[number];

/** Events main sends the renderer (menu items, shortcuts handled natively). */
export const menuActions = ['log-interaction', 'go-timeline', 'go-people', 'go-search', 'find', 'command-palette'] as const;
export type MenuAction = (typeof menuActions)[number];
