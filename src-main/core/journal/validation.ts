import type { z } from 'zod';
import type { ApiError } from '../../contract/contract.js';

/** A zod refusal as the app's own sentence, with one message per field for showing beside the control. */
export function fromZod(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? 'That input is not valid.';
  return { code: 'invalid-input', message: first, fields };
}
