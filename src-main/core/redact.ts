// What may be written to a log about an error: its kind, its code and where it was thrown. Never its
// message: SQLite quotes the text near a syntax error (a search typed by the user), and any library may
// put the value it choked on in its message. Confidences and names must not reach a log or crash report.
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}\n${frames}`;
}
