// Calls the renderer makes to the shell itself rather than to the journal: native dialogs. Each is checked
// like a journal call (sender, then schema) and answers with the same { ok, value | error } result.
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shellContract, type ApiError, type Result, type SaveFileResult, type ShellInput } from '../contract/contract.js';
import { shellCallNames, type ShellCallName } from '../contract/names.js';
import { isAppUrl } from './security.js';

const filters: Record<ShellInput<'app.saveFile'>['kind'], Electron.FileFilter[]> = {
  json: [{ name: 'JSON', extensions: ['json'] }],
  csv: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }],
  zip: [{ name: 'Zip archive', extensions: ['zip'] }],
  sqlite: [{ name: 'Confidant journal', extensions: ['sqlite'] }],
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
};

/** Shows the native save dialog and writes the file where the user chose; cancelling writes nothing. */
async function saveFile(window: BrowserWindow | undefined, input: ShellInput<'app.saveFile'>): Promise<SaveFileResult> {
  const options = { defaultPath: join(app.getPath('documents'), input.suggestedName), filters: filters[input.kind] };
  const { canceled, filePath } = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return { saved: false, path: null };
  const bytes = typeof input.content === 'string' ? input.content : Buffer.from(input.content.base64, 'base64');
  // Written beside the target and renamed into place: a full disk or a crash never leaves half a file
  // where the user expects their export (or overwrites a good one with half of a new one).
  const partial = `${filePath}.partial`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, filePath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { saved: true, path: filePath };
}

type ShellHandlers = { [K in ShellCallName]: (window: BrowserWindow | undefined, input: ShellInput<K>) => Promise<unknown> };
const handlers: ShellHandlers = { 'app.saveFile': saveFile };

export function registerShellCalls(getWindow: () => BrowserWindow | undefined): void {
  for (const name of shellCallNames) {
    ipcMain.handle(`confidant:${name}`, async (event, input: unknown): Promise<Result<unknown>> => {
      const window = getWindow();
      const frameUrl = event.senderFrame?.url ?? '';
      if (event.sender !== window?.webContents || !isAppUrl(frameUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'That request did not come from Confidant.' } };
      }
      const parsed = shellContract[name].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: parsed.error.issues[0]?.message ?? 'That request is not valid.' } };
      try {
        return { ok: true, value: await handlers[name](window, parsed.data) };
      } catch (error) {
        console.error(`[shell] ${name} failed`, error);
        const failure: ApiError = {
          code: 'internal',
          message: `The file could not be written (${error instanceof Error ? error.message : String(error)}). Choose another folder and try again.`,
        };
        return { ok: false, error: failure };
      }
    });
  }
}
