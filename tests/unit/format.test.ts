import { describe, expect, test } from 'vitest';
import { initials } from '../../src-renderer/src/lib/format.js';

describe('avatar initials', () => {
  test('take the first letters of the first two names, skipping honorifics', () => {
    expect(initials('Ana Ruiz')).toBe('AR');
    expect(initials('  ana   maría ruiz ')).toBe('AM');
    expect(initials('Dr. Maya Lindqvist')).toBe('ML');
    expect(initials('Prof Imani Okafor')).toBe('IO');
    expect(initials('Madonna')).toBe('M');
    expect(initials('Dr.')).toBe('D');
  });
});
