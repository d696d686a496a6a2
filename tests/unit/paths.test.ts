import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalPath } from '../../src-main/shell/paths.js';

const userData = join('/home', 'lee', '.config', 'Confidant');

describe('journalPath', () => {
  it('takes the --journal= flag over the environment', () => {
    expect(journalPath(['electron', '.', '--journal=/vault/work.sqlite'], { CONFIDANT_JOURNAL: '/env/journal.sqlite' }, userData)).toBe(
      '/vault/work.sqlite',
    );
  });

  it('takes CONFIDANT_JOURNAL when there is no flag', () => {
    expect(journalPath(['electron', '.'], { CONFIDANT_JOURNAL: ' /env/journal.sqlite ' }, userData)).toBe('/env/journal.sqlite');
  });

  it('falls back to journal.sqlite in the user-data folder', () => {
    expect(journalPath(['electron', '.'], {}, userData)).toBe(join(userData, 'journal.sqlite'));
  });

  it('ignores an empty flag and a blank environment variable', () => {
    expect(journalPath(['--journal='], { CONFIDANT_JOURNAL: '/env/journal.sqlite' }, userData)).toBe('/env/journal.sqlite');
    expect(journalPath(['--journal=  '], { CONFIDANT_JOURNAL: '   ' }, userData)).toBe(join(userData, 'journal.sqlite'));
  });

  it('does not mistake a similar flag for --journal=', () => {
    expect(journalPath(['--journal', '/not/this.sqlite', '--journals=/nor/this.sqlite'], {}, userData)).toBe(join(userData, 'journal.sqlite'));
  });
});
