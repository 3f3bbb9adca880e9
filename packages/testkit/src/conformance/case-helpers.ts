import type { OutboxEvent } from '@retailkit/core';
import type { ConformanceContext } from './conformance-case.js';

/** A stream's events, read through the adapter under test. */
export async function stream(context: ConformanceContext, name: string): Promise<OutboxEvent[]> {
  return context.storage.transaction((tx) => tx.outbox.readStream(name));
}

/** The `text` of a conformance note event, or undefined for anything else. */
export function textOf(event: OutboxEvent | undefined): string | undefined {
  const payload = event?.payload as { text?: string } | undefined;
  return payload?.text;
}
