// The start line main logs on every start (and appends to start-times.log with --measure-start).
import { describe, expect, it } from 'vitest';
import { measuringStart, StartTiming } from '../../src-main/shell/start-timing.js';

const at = new Date('2026-12-02T09:00:00.000Z');

describe('StartTiming', () => {
  it('gives each moment in milliseconds since launch, first paint first, against the one-second budget', () => {
    const timing = new StartTiming(10_000);
    timing.mark('app-ready', 10_210);
    timing.mark('journal-ready', 10_305.4);
    timing.mark('window-created', 10_330);
    timing.mark('ready-to-show', 10_590);
    timing.mark('first-contentful-paint', 10_642);
    expect(timing.line(at)).toBe(
      '[start] 2026-12-02T09:00:00.000Z 642 ms from launch to first paint (budget 1000 ms, met): app-ready 210 ms, journal-ready 305 ms, window-created 330 ms, ready-to-show 590 ms, first-contentful-paint 642 ms',
    );
  });

  it('lists the moments in the order they came: the window may paint before a long journal start is done', () => {
    const timing = new StartTiming(0);
    timing.mark('app-ready', 200);
    timing.mark('window-created', 220);
    timing.mark('ready-to-show', 480);
    timing.mark('first-contentful-paint', 530);
    timing.mark('journal-ready', 11_000);
    expect(timing.line(at)).toBe(
      '[start] 2026-12-02T09:00:00.000Z 530 ms from launch to first paint (budget 1000 ms, met): app-ready 200 ms, window-created 220 ms, ready-to-show 480 ms, first-contentful-paint 530 ms, journal-ready 11000 ms',
    );
  });

  it('falls back to ready-to-show when the page did not report its paint, and says when the budget is missed', () => {
    const timing = new StartTiming(0);
    timing.mark('app-ready', 400);
    timing.mark('ready-to-show', 1250);
    expect(timing.line(at)).toBe('[start] 2026-12-02T09:00:00.000Z 1250 ms from launch to first paint (budget 1000 ms, missed): app-ready 400 ms, ready-to-show 1250 ms');
  });

  it('keeps the first time of each moment: a window reopened later is not the start', () => {
    const timing = new StartTiming(0);
    timing.mark('window-created', 300);
    timing.mark('window-created', 90_000);
    expect(timing.sinceLaunch()).toEqual({ 'window-created': 300 });
    expect(timing.line(at)).toContain('the window has not painted yet: window-created 300 ms');
  });

  it('is asked for with --measure-start, and only then', () => {
    expect(measuringStart(['/opt/Confidant/confidant', '--measure-start'])).toBe(true);
    expect(measuringStart(['/opt/Confidant/confidant', '--journal=/x/measure-start.sqlite'])).toBe(false);
  });
});
