import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1200, height: 800 }, maximized: false };

/** Reads the last window size and position, dropping a position that is no longer on any display. */
export function loadWindowState(file: string): WindowState & { centered: boolean } {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    const b = saved.bounds;
    if (!b || ![b.x, b.y, b.width, b.height].every(Number.isFinite)) throw new Error('no bounds');
    const visible = screen.getAllDisplays().some(({ workArea: a }) =>
      b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y,
    );
    const bounds = { ...b, width: Math.max(b.width, 720), height: Math.max(b.height, 520) };
    return { bounds, maximized: saved.maximized === true, centered: !visible };
  } catch {
    return { ...DEFAULT, centered: true };
  }
}

export function trackWindowState(window: BrowserWindow, file: string): void {
  const save = () => {
    if (window.isDestroyed()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(file, JSON.stringify(state));
    } catch (error) {
      console.warn('[window-state] could not save', error);
    }
  };
  window.on('close', save);
}
