import { UUID } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { sequentialIds, uuidV7Ids } from './id-generator.js';

describe('uuidV7Ids', () => {
  it('makes canonical, lowercase UUIDv7s (RFC 9562 version and variant)', () => {
    const canonical = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ids = Array.from({ length: 2000 }, () => uuidV7Ids.next());
    expect(ids.filter((id) => !canonical.test(id) || UUID.parse(id).toString() !== id)).toEqual([]);
  });

  it('makes unique ids in increasing order within the process', () => {
    const ids = Array.from({ length: 5000 }, () => uuidV7Ids.next());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('sequentialIds', () => {
  it('counts from 1 with the prefix, zero-padded', () => {
    const ids = sequentialIds('order');
    expect([ids.next(), ids.next()]).toEqual(['order-000001', 'order-000002']);
  });
});
