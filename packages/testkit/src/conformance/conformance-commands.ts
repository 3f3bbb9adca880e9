import { type CommandContext, ConflictError, type DomainEvent, defineCommand } from '@retailkit/core';
import { z } from 'zod';
import { aDomainEvent } from '../builders/events.js';

const NOTE = 'conformance.note-appended';

/** An event written straight to the outbox, so a later failure has a write to roll back. */
function directEvent(ctx: CommandContext, stream: string, text: string): DomainEvent {
  return aDomainEvent({
    id: ctx.ids.next(),
    type: NOTE,
    stream,
    occurredAt: ctx.now.toISOString(),
    actorId: ctx.actor.id,
    command: ctx.command,
    payload: { text, attempt: ctx.attempt },
  });
}

/** Appends one event to a stream; the smallest command that writes through every core repository. */
export const appendNote = defineCommand({
  name: 'conformance.append-note',
  permission: 'conformance.write',
  input: z.object({
    stream: z.string().min(1),
    text: z.string(),
    storeId: z.string().min(1).optional(),
    failAfterWrite: z.boolean().optional(),
  }),
  storeId: (input) => input.storeId,
  handler: async (ctx, input) => {
    if (input.failAfterWrite) {
      await ctx.tx.outbox.append([directEvent(ctx, input.stream, input.text)]);
      throw new Error('failing on purpose after writing');
    }
    const event = ctx.emit({
      type: NOTE,
      stream: input.stream,
      storeId: input.storeId ?? null,
      payload: { text: input.text, attempt: ctx.attempt },
    });
    return { eventId: event.id, attempt: ctx.attempt };
  },
});

/** Builds a command that writes, then fails with a retryable conflict on its first `conflicts` attempts. */
export function conflictingNote(conflicts: number) {
  return defineCommand({
    name: 'conformance.conflicting-note',
    permission: 'conformance.write',
    input: z.object({ stream: z.string().min(1) }),
    handler: async (ctx, input) => {
      await ctx.tx.outbox.append([directEvent(ctx, input.stream, `attempt ${ctx.attempt}`)]);
      if (ctx.attempt <= conflicts) throw new ConflictError(`simulated conflict on attempt ${ctx.attempt}`);
      return { attempt: ctx.attempt };
    },
  });
}

/** Appends one event to each of two streams, in the order given, in one transaction. */
export const twoStreamNote = defineCommand({
  name: 'conformance.two-stream-note',
  permission: 'conformance.write',
  input: z.object({ first: z.string().min(1), second: z.string().min(1) }),
  handler: async (ctx, input) => {
    // Separate appends, so an adapter that locks per stream takes the locks in this order.
    await ctx.tx.outbox.append([directEvent(ctx, input.first, 'first')]);
    await ctx.tx.outbox.append([directEvent(ctx, input.second, 'second')]);
    return { ok: true };
  },
});
