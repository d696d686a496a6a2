import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../contract/names.js';

/**
 * The native menu: the usual roles plus the app's own commands, sent to the renderer as actions.
 * `send` opens the main window first when it was closed (macOS keeps the menu with no window).
 */
export function buildMenu({ send: sendAction, quickCapture }: { send: (action: MenuAction) => void; quickCapture: () => void }): Menu {
  const send = (action: MenuAction) => () => sendAction(action);
  const isMac = process.platform === 'darwin';
  // Cmd+, on macOS (in the app menu, as every Mac app), Ctrl+, elsewhere (in File).
  const settings: MenuItemConstructorOptions = { label: isMac ? 'Settings…' : '&Settings…', accelerator: 'CmdOrCtrl+,', click: send('open-settings') };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              settings,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        { label: 'Log Interaction…', accelerator: 'CmdOrCtrl+N', click: send('log-interaction') },
        // The small always-on-top window the global shortcut and the tray open, also found here.
        { id: 'quick-capture', label: 'Quick Capture Window', click: () => quickCapture() },
        ...(isMac ? [] : [{ type: 'separator' as const }, settings]),
        { type: 'separator' },
        { label: 'Import Contacts…', click: send('import') },
        { label: 'Export…', click: send('export') },
        // #12: the key leaves memory and the lock screen shows; needs a passphrase journal.
        { label: 'Lock Now', accelerator: 'CmdOrCtrl+L', click: send('lock-now') },
        // One key, handled by the page itself (so the same key brings it back); shown here to be found.
        { label: 'Privacy Screen', accelerator: 'F9', registerAccelerator: false, click: send('privacy-screen') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Timeline', accelerator: 'CmdOrCtrl+1', click: send('go-timeline') },
        { label: 'People', accelerator: 'CmdOrCtrl+2', click: send('go-people') },
        { label: 'Reciprocity', accelerator: 'CmdOrCtrl+3', click: send('go-reciprocity') },
        { label: 'Associations', accelerator: 'CmdOrCtrl+4', click: send('go-associations') },
        { label: 'Quarterly Review', accelerator: 'CmdOrCtrl+5', click: send('go-review') },
        { label: 'Meetings to Log', accelerator: 'CmdOrCtrl+6', click: send('go-to-log') },
        { label: 'Network', accelerator: 'CmdOrCtrl+7', click: send('go-network') },
        { label: 'Search Conversations…', accelerator: 'CmdOrCtrl+Shift+F', click: send('go-search') },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: send('find') },
        { label: 'Go to Anything…', accelerator: 'CmdOrCtrl+K', click: send('command-palette') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        ...(isMac ? [] : [{ role: 'about' as const, label: 'About Confidant' }]),
        { label: `Confidant ${app.getVersion()}: everything stays on this computer`, enabled: false },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
