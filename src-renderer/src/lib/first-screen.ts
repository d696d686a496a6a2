/**
 * Work the window does once its first screen is drawn, not before it (#11). The log form and the palette
 * used to be fetched as soon as the totals came in: their chunks (a dozen files) were read, inserted and
 * evaluated while the timeline's first entries waited, ~30 ms on the main thread in the task before them.
 *
 * The first screen says when its content is on screen (`firstScreenDrawn`: the timeline once its first
 * entries, or its empty state, are drawn; App for any other screen); what waits (`afterFirstScreen`) runs
 * in a task of its own after that frame is painted. A start that never draws its screen (a failed read)
 * lets it run after a few seconds all the same (App).
 */
const waiting: (() => void)[] = [];
let drawn = false;

export function afterFirstScreen(run: () => void): void {
  if (drawn) run();
  else waiting.push(run);
}

export function firstScreenDrawn(): void {
  if (drawn) return;
  drawn = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      for (const run of waiting.splice(0)) run();
    }),
  );
}
