// The views other than the timeline (the first screen), each loaded on first use as its own chunk: the
// window opens on a bundle that holds only what the timeline needs.
export const views = {
  search: () => import('../search/SearchView.svelte'),
  people: () => import('../people/PeopleView.svelte'),
  person: () => import('../people/PersonPage.svelte'),
  reciprocity: () => import('../reciprocity/ReciprocityView.svelte'),
  associations: () => import('../associations/AssociationsView.svelte'),
  association: () => import('../associations/AssociationPage.svelte'),
  review: () => import('../review/ReviewView.svelte'),
  // The network map brings its graph libraries (sigma, graphology): nowhere near the first paint.
  network: () => import('../network/NetworkView.svelte'),
  // Its map (sigma, graphology: most of the Network chunk) only once the Map tab is opened: evaluating it
  // with the overview was a long task on the screen's first visit (55 ms).
  networkMap: () => import('../network/MapView.svelte'),
  toLog: () => import('../calendar/MeetingsToLogView.svelte'),
  settings: () => import('../settings/SettingsView.svelte'),
  // Shown once in a journal's life, or on demand: not worth the first bundle either (#11).
  welcome: () => import('../welcome/Welcome.svelte'),
  importDialog: () => import('../transfer/ImportDialog.svelte'),
  exportDialog: () => import('../transfer/ExportDialog.svelte'),
  // The log form and the palette are opened from anywhere, but never before the first screen is up: they
  // load just after it (App.svelte), so the first Ctrl+N or Ctrl+K finds them here.
  logDialog: () => import('../log/LogDialog.svelte'),
  palette: () => import('../palette/CommandPalette.svelte'),
};
