/**
 * Work the window does once its first screen is drawn, not before it (#11): the markdown renderer's
 * warm-up and the palette's fuzzy matcher (main.ts, App). Not the log form or the palette themselves: a
 * shortcut pressed as the first screen shows must find them loaded, or the keys typed after it are lost.
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
