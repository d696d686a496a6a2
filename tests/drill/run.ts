// `npm run drill [-- --kills=100] [--seed=9] [--plain]`: the long kill -9 drill, with its figures, on an
// encrypted journal as the app keeps them (`--plain`: a plain one). Needs `npm run build`.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDrill } from './drill.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const kills = Number(args.kills ?? 100);
const dir = await mkdtemp(join(tmpdir(), 'confidant-drill-'));
try {
  const started = performance.now();
  const encrypted = args.plain === undefined;
  const result = await runDrill(join(dir, 'journal.sqlite'), { kills, seed: Number(args.seed ?? 9), ...(encrypted ? { secret: randomBytes(32) } : {}) });
  const sorted = [...result.reopenMs].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  console.log(`\nKill -9 drill (${encrypted ? 'encrypted' : 'plain'} journal): ${result.kills} kills in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`  acknowledged saves          ${result.acknowledged}`);
  console.log(`  acknowledged saves lost     ${result.lost.length}${result.lost.length ? ` (${result.lost.slice(0, 10).join(', ')})` : ''}`);
  console.log(`  integrity / FTS problems    ${result.problems.length}`);
  for (const problem of result.problems.slice(0, 10)) console.log(`    ${problem}`);
  console.log(`  reopen after a kill         p50 ${pct(50).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`);
  process.exitCode = result.lost.length === 0 && result.problems.length === 0 && result.kills === kills ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
