import type { CommandContext, JsonValue } from '@retailkit/core';
import type { CatalogCommandRepositories } from '../catalog-command.js';
import type { CatalogEventPayloads, CatalogEventType } from './catalog-events.js';

/** Emits a catalog event with its payload type checked against {@link CatalogEventPayloads}. */
export function emitCatalogEvent<K extends CatalogEventType>(
  ctx: CommandContext<CatalogCommandRepositories>,
  type: K,
  stream: string,
  payload: CatalogEventPayloads[K],
  storeId: string | null = null,
): void {
  // Every payload type is plain JSON; TypeScript cannot see that through the generic index.
  ctx.emit({ type, stream, storeId, payload: payload as CatalogEventPayloads[K] & JsonValue });
}
