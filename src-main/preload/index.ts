// The renderer's only door to the journal: one named function per contract call, nothing else. The
// renderer never sees ipcRenderer. Built as CommonJS because sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../contract/contract.js';
import { callNames, menuActions, shellCallNames } from '../contract/names.js';

// Object.fromEntries cannot know it gets one entry per name; the cast says so, `satisfies` checks the rest.
const calls = Object.fromEntries(
  [...callNames, ...shellCallNames].map((name) => [name, (input?: unknown) => ipcRenderer.invoke(`confidant:${name}`, input)]),
) as Omit<Bridge, 'onMenu'>;

const bridge = {
  ...calls,
  onMenu(listener: (action: string) => void) {
    const handler = (_event: unknown, action: string) => {
      if ((menuActions as readonly string[]).includes(action)) listener(action);
    };
    ipcRenderer.on('confidant:menu', handler);
    return () => {
      ipcRenderer.off('confidant:menu', handler);
    };
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('confidant', bridge);
