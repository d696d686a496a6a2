import type { z } from 'zod';
import type { ApiError } from '../../contract/contract.js';

// A zod refusal as the app's own sentence. The contract words every field's messages; what zod words by
// itself (an unknown key, an object where a list belongs, a whole input of the wrong type) is reworded
// here, so no library English ("Invalid input: expected object, received string") reaches a person.

/** zod's own wording starts like this; the contract's sentences never do. */
const ZOD_WORDING = /^(Invalid|Unrecognized|Too (big|small)|Expected|Required)/;

function fieldName(path: readonly PropertyKey[]): string | null {
  const named = path.filter((part): part is string => typeof part === 'string');
  const last = named.at(-1);
  if (!last) return null;
  // camelCase to words: personIds → "person ids".
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function sentence(issue: z.core.$ZodIssue): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  const field = fieldName(issue.path);
  const subject = field ? `The ${field}` : 'This request';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => `“${key}”`).join(', ');
      return `Confidant does not know ${issue.keys.length === 1 ? 'the field' : 'the fields'} ${keys}${field ? ` in ${field}` : ''}: leave ${issue.keys.length === 1 ? 'it' : 'them'} out.`;
    }
    case 'invalid_type': {
      const words: Record<string, string> = {
        object: 'a set of named details',
        array: 'a list',
        string: 'text',
        number: 'a number',
        boolean: 'on or off',
        int: 'a whole number',
      };
      const wanted = words[issue.expected] ?? `a ${issue.expected}`;
      return `${subject} must be ${wanted}.`;
    }
    case 'too_big':
      return `${subject} is too long or too large (at most ${String(issue.maximum)}).`;
    case 'too_small':
      return `${subject} is too short or too small (at least ${String(issue.minimum)}).`;
    case 'invalid_value':
      return `${subject} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_union':
      return `${subject} is not in a form Confidant understands.`;
    default:
      return `${subject} is not valid.`;
  }
}

export function fromZod(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= sentence(issue);
  }
  const firstIssue = error.issues[0];
  const first = firstIssue ? sentence(firstIssue) : 'That input is not valid.';
  return { code: 'invalid-input', message: first, fields };
}
