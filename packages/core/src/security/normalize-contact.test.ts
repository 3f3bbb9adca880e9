import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone } from './normalize-contact.js';

describe('normalizeEmail', () => {
  it('trims and lower-cases, so differently typed addresses match', () => {
    expect(normalizeEmail('  Ann.Smith@Example.COM \n')).toBe('ann.smith@example.com');
    expect(normalizeEmail('ann.smith@example.com')).toBe('ann.smith@example.com');
  });
});

describe('normalizePhone', () => {
  it('strips spaces, dashes, dots and parentheses and keeps a leading +', () => {
    expect(normalizePhone(' +1 (555) 010-2030 ')).toBe('+15550102030');
    expect(normalizePhone('+44 20.7946.0958')).toBe('+442079460958');
    expect(normalizePhone('555-0102')).toBe('5550102');
  });
});
