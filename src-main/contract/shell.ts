import { z } from 'zod';

// Calls handled by the Electron shell in main (native dialogs), not by the journal worker. Validated in
// main; the E2E harness implements them with Node equivalents. Shape shared with #8's shell calls.

export const shellContract = {
  'app.saveFile': {
    input: z
      .object({
        suggestedName: z.string({ error: 'A file name must be text.' }).trim().min(1).max(255)
          .refine((name) => !/[\\/]/.test(name), { error: 'A suggested file name cannot contain a folder.' }),
        content: z.union([z.string().max(600_000_000), z.object({ base64: z.string().max(800_000_000) }).strict()]),
        kind: z.enum(['json', 'csv', 'zip', 'sqlite', 'markdown'], { error: 'Unknown kind of file.' }),
      })
      .strict(),
    result: of<SaveFileResult>(),
  },
} as const;

function of<T>(): T {
  return undefined as T;
}

export interface SaveFileResult {
  /** False when the user cancelled the dialog: nothing was written. */
  saved: boolean;
  path: string | null;
}
