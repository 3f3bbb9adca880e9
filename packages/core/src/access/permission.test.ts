import { describe, expect, it } from 'vitest';
import { permissionMatches } from './permission.js';

describe('permissionMatches', () => {
  it('grants an exact permission and nothing else', () => {
    expect(permissionMatches('inventory.reserve', 'inventory.reserve')).toBe(true);
    expect(permissionMatches('inventory.reserve', 'inventory.adjust')).toBe(false);
    expect(permissionMatches('inventory.reserve', 'orders.reserve')).toBe(false);
  });

  it('grants every action of an area with `<area>.*`, and only that area', () => {
    expect(permissionMatches('catalog.*', 'catalog.read')).toBe(true);
    expect(permissionMatches('catalog.*', 'catalog.change-price')).toBe(true);
    expect(permissionMatches('catalog.*', 'inventory.read')).toBe(false);
    // A prefix of the area name is not the area.
    expect(permissionMatches('catalog.*', 'catalogue.read')).toBe(false);
    expect(permissionMatches('order.*', 'orders.read')).toBe(false);
  });

  it('grants everything with `*`', () => {
    expect(permissionMatches('*', 'inventory.adjust')).toBe(true);
    expect(permissionMatches('*', 'anything.custom')).toBe(true);
  });
});
