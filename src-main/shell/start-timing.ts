// How long a start took, as one log line a person can read on their own machine (issue #8: "opens in
// under a second on a warm start"). Electron-free so the line is unit-tested; main.ts marks the moments.
// Every start prints it to stdout; `--measure-start` also appends it to start-times.log in the app's logs
// folder (stdout is invisible for a Windows GUI app) and quits once the window has painted, so a loop of
// launches gives percentiles. It holds times only: nothing from the journal.

/** The moments of a start (the window is created while the journal starts: either may be ready first). */
export const START_MARKS = ['app-ready', 'window-created', 'journal-ready', 'ready-to-show', 'first-contentful-paint'] as const;
export type StartMark = (typeof START_MARKS)[number];

/** The one-second warm-start budget the issue sets. */
export const START_BUDGET_MS = 1000;

export const MEASURE_START_FLAG = '--measure-start';

export function measuringStart(argv: readonly string[]): boolean {
  return argv.includes(MEASURE_START_FLAG);
}

export class StartTiming {
  private readonly marks = new Map<StartMark, number>();

  /** `launchedAt`: when the process started (epoch ms): in main, Date.now() - process.uptime() * 1000. */
  constructor(readonly launchedAt: number) {}

  /** Records a moment once (a window reopened later is not part of the start). */
  mark(name: StartMark, at: number = Date.now()): void {
    if (!this.marks.has(name)) this.marks.set(name, at);
  }

  has(name: StartMark): boolean {
    return this.marks.has(name);
  }

  /** Milliseconds from launch to each recorded moment. */
  sinceLaunch(): Partial<Record<StartMark, number>> {
    return Object.fromEntries([...this.marks].map(([name, at]) => [name, Math.max(0, Math.round(at - this.launchedAt))]));
  }

  /**
   * `[start] 642 ms from launch to first paint (budget 1000 ms, met): app-ready 210 ms, window-created 230 ms, …`
   * "First paint" is the page's first contentful paint when the page reported it, else ready-to-show
   * (Electron emits it once the page has painted its first frame).
   */
  line(at: Date = new Date()): string {
    const times = this.sinceLaunch();
    const painted = times['first-contentful-paint'] ?? times['ready-to-show'];
    // In the order they happened.
    const parts = START_MARKS.filter((name) => times[name] !== undefined)
      .sort((a, b) => times[a]! - times[b]!)
      .map((name) => `${name} ${times[name]} ms`);
    const head =
      painted === undefined
        ? 'the window has not painted yet'
        : `${painted} ms from launch to first paint (budget ${START_BUDGET_MS} ms, ${painted <= START_BUDGET_MS ? 'met' : 'missed'})`;
    return `[start] ${at.toISOString()} ${head}: ${parts.join(', ') || 'no moments recorded'}`;
  }
}
