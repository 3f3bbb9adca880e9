import type {
  ClaimedOutboxEvent,
  DomainEvent,
  JsonValue,
  OutboxClaimRequest,
  OutboxEvent,
  OutboxRepository,
} from '@retailkit/core';
import { sql } from 'kysely';
import type { OutboxEventsTable } from '../schema/core-tables.js';
import { insertIfAbsent } from '../sql/insert-if-absent.js';
import type { SqlContext } from '../sql/sql-context.js';
import { readInteger } from '../sql/sql-values.js';

type EventRow = { [K in keyof OutboxEventsTable]: unknown };

const EVENT_COLUMNS = [
  'position',
  'id',
  'stream',
  'stream_seq',
  'type',
  'store_id',
  'occurred_at',
  'actor_id',
  'command',
  'payload',
  'schema_version',
] as const;

// Events per append statement: 10 parameters each, far below every engine's limit.
const APPEND_CHUNK = 1000;
// Claims read candidates in batches: a blocked stream can make a claim read past many events.
const MIN_CLAIM_BATCH = 64;
const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * The transactional outbox in `outbox_events`. Appending takes each stream's row in
 * `outbox_streams` (in stream order, so two appends never wait on each other crosswise), which
 * makes `stream_seq` gapless and ordered by commit within a stream. Claims lock the consumer's row
 * in `outbox_consumers`, so two polls of one consumer never lease the same event.
 */
export class SqlOutboxRepository implements OutboxRepository {
  readonly #context: SqlContext;
  #pending: DomainEvent[] = [];

  /** The repository bound to one transaction. */
  constructor(context: SqlContext) {
    this.#context = context;
  }

  async append(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) this.#pending.push(event);
  }

  /**
   * Writes the events appended in this transaction. The transaction calls it last, just before
   * COMMIT, so stream rows are locked in one global order (by stream name, after every other lock
   * the transaction took) and only for the moment of the commit: appends to streams x then y in
   * one transaction and y then x in another cannot deadlock. Reads of the outbox flush first.
   */
  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const pending = this.#pending;
    this.#pending = [];
    if (pending.length <= APPEND_CHUNK) {
      await this.#appendChunk(pending);
      return;
    }
    // A statement takes a bounded number of parameters (SQLite 32,766, PostgreSQL 65,535): a large
    // batch goes in chunks, sorted by stream (stably) so that stream rows are still locked in order.
    const events = [...pending].sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
    for (let start = 0; start < events.length; start += APPEND_CHUNK) {
      await this.#appendChunk(events.slice(start, start + APPEND_CHUNK));
    }
  }

  /** Appends up to {@link APPEND_CHUNK} events: a few statements, one on PostgreSQL. */
  async #appendChunk(events: readonly DomainEvent[]): Promise<void> {
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.stream, (counts.get(event.stream) ?? 0) + 1);
    if (this.#context.family === 'postgres') {
      await this.#appendInOneStatement(events, counts);
      return;
    }
    const next = new Map<string, number>();
    for (const stream of [...counts.keys()].sort()) {
      const added = counts.get(stream) as number;
      next.set(stream, (await this.#advanceStream(stream, added)) - added + 1);
    }
    const { db, values } = this.#context;
    await db
      .insertInto('outbox_events')
      .values(
        events.map((event) => {
          const seq = next.get(event.stream) as number;
          next.set(event.stream, seq + 1);
          return {
            id: event.id,
            stream: event.stream,
            stream_seq: seq,
            type: event.type,
            store_id: event.storeId,
            occurred_at: values.instant(event.occurredAt),
            actor_id: event.actorId,
            command: event.command,
            payload: values.json(event.payload),
            schema_version: event.schemaVersion,
          };
        }),
      )
      .execute();
  }

  /**
   * PostgreSQL: the stream counters and the events in one statement (one round trip per commit),
   * the counters' rows upserted in stream order.
   */
  async #appendInOneStatement(events: readonly DomainEvent[], counts: Map<string, number>): Promise<void> {
    const { db, values } = this.#context;
    const streams = [...counts.keys()].sort();
    const counters = sql.join(
      streams.map((stream) => sql`(${stream}, cast(${counts.get(stream) as number} as integer))`),
    );
    // Each event's distance from the last sequence number of its stream in this batch.
    const remaining = new Map(counts);
    const rows = sql.join(
      events.map((event, index) => {
        const left = (remaining.get(event.stream) as number) - 1;
        remaining.set(event.stream, left);
        return sql`(cast(${index} as integer), ${event.id}, ${event.stream}, cast(${left} as integer), ${event.type},
          ${event.storeId}, cast(${values.instant(event.occurredAt)} as timestamptz), ${event.actorId},
          ${event.command}, cast(${values.json(event.payload)} as jsonb), cast(${event.schemaVersion} as integer))`;
      }),
    );
    await sql`with counters as (
        insert into ${this.#context.table('outbox_streams')} as streams (stream, last_seq) values ${counters}
        on conflict (stream) do update set last_seq = streams.last_seq + excluded.last_seq
        returning stream, last_seq
      )
      insert into ${this.#context.table('outbox_events')}
        (id, stream, stream_seq, type, store_id, occurred_at, actor_id, command, payload, schema_version)
      select e.id, e.stream, counters.last_seq - e.back, e.type, e.store_id, e.occurred_at, e.actor_id,
        e.command, e.payload, e.schema_version
      from (values ${rows}) as e (ord, id, stream, back, type, store_id, occurred_at, actor_id, command, payload, schema_version)
      join counters on counters.stream = e.stream
      order by e.ord`.execute(db);
  }

  /** Adds `added` to the stream's last sequence number (locking its row) and returns the new value. */
  async #advanceStream(stream: string, added: number): Promise<number> {
    const { db, family } = this.#context;
    if (family === 'mysql') {
      await db
        .insertInto('outbox_streams')
        .values({ stream, last_seq: added })
        .onDuplicateKeyUpdate({ last_seq: sql`last_seq + ${added}` })
        .execute();
      const row = await db
        .selectFrom('outbox_streams')
        .select('last_seq')
        .where('stream', '=', stream)
        .executeTakeFirstOrThrow();
      return readInteger(row.last_seq);
    }
    const row = await db
      .insertInto('outbox_streams')
      .values({ stream, last_seq: added })
      .onConflict((conflict) =>
        conflict
          .column('stream')
          .doUpdateSet({ last_seq: sql`${sql.ref('outbox_streams.last_seq')} + ${added}` }),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return readInteger(row.last_seq);
  }

  async claim(request: OutboxClaimRequest): Promise<ClaimedOutboxEvent[]> {
    const { consumer, limit } = request;
    if (limit <= 0) return [];
    await this.flush();
    await this.#lockConsumer(consumer);
    const { db, values } = this.#context;
    const now = request.now.toISOString();
    const blocked = new Set<string>();
    const claimed: ClaimedOutboxEvent[] = [];
    const batch = Math.max(limit * 4, MIN_CLAIM_BATCH);
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom('outbox_events as e')
        .leftJoin('outbox_deliveries as d', (join) =>
          join.onRef('d.position', '=', 'e.position').on('d.consumer', '=', consumer),
        )
        .select(EVENT_COLUMNS.map((column) => `e.${column}` as const))
        .select(['d.leased_until', 'd.attempts'])
        .where('e.position', '>', after)
        .where((eb) => eb.or([eb('d.acked', 'is', null), eb('d.acked', '=', values.boolean(false))]))
        .orderBy('e.position')
        .limit(batch)
        .execute();
      for (const row of rows) {
        after = readInteger(row.position);
        const stream = row.stream;
        if (blocked.has(stream)) continue;
        const leasedUntil = values.readOptionalInstant(row.leased_until);
        if (leasedUntil !== null && leasedUntil > now) {
          blocked.add(stream);
          continue;
        }
        const attempt = (row.attempts === null ? 0 : readInteger(row.attempts)) + 1;
        claimed.push(Object.freeze({ ...this.#event(row), attempt }));
        if (claimed.length === limit) break;
      }
      if (claimed.length === limit || rows.length < batch) break;
    }
    if (claimed.length > 0) await this.#lease(consumer, claimed, request.leaseUntil.toISOString());
    return claimed;
  }

  async #lease(consumer: string, events: readonly ClaimedOutboxEvent[], leaseUntil: string): Promise<void> {
    const { db, family, values } = this.#context;
    const rows = events.map((event) => ({
      consumer,
      position: event.position,
      leased_until: values.instant(leaseUntil),
      acked: values.boolean(false),
      attempts: event.attempt,
    }));
    const insert = db.insertInto('outbox_deliveries').values(rows);
    if (family === 'mysql') {
      await insert
        .onDuplicateKeyUpdate({ leased_until: sql`values(leased_until)`, attempts: sql`values(attempts)` })
        .execute();
      return;
    }
    await insert
      .onConflict((conflict) =>
        conflict.columns(['consumer', 'position']).doUpdateSet((eb) => ({
          leased_until: eb.ref('excluded.leased_until'),
          attempts: eb.ref('excluded.attempts'),
        })),
      )
      .execute();
  }

  async ack(consumer: string, eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.flush();
    await this.#lockConsumer(consumer);
    const { db, family, values } = this.#context;
    const known = await db
      .selectFrom('outbox_events')
      .select('position')
      .where('id', 'in', [...new Set(eventIds)])
      .execute();
    if (known.length === 0) return;
    const rows = known.map((row) => ({
      consumer,
      position: readInteger(row.position),
      leased_until: values.instant(EPOCH),
      acked: values.boolean(true),
      attempts: 0,
    }));
    const insert = db.insertInto('outbox_deliveries').values(rows);
    if (family === 'mysql') {
      await insert.onDuplicateKeyUpdate({ acked: values.boolean(true) }).execute();
      return;
    }
    await insert
      .onConflict((conflict) =>
        conflict.columns(['consumer', 'position']).doUpdateSet({ acked: values.boolean(true) }),
      )
      .execute();
  }

  async readStream(stream: string, options?: { readonly afterSeq?: number }): Promise<OutboxEvent[]> {
    await this.flush();
    const rows = await this.#context.db
      .selectFrom('outbox_events')
      .select(EVENT_COLUMNS)
      .where('stream', '=', stream)
      .where('stream_seq', '>', options?.afterSeq ?? 0)
      .orderBy('stream_seq')
      .execute();
    return rows.map((row) => this.#event(row));
  }

  /** Serialises claims and acknowledgements of one consumer until this transaction ends. */
  async #lockConsumer(consumer: string): Promise<void> {
    const { db, family } = this.#context;
    if (family === 'mysql') {
      // One statement that takes the row's exclusive lock, existing or new. A duplicate-key
      // failure would take a shared lock first, and two polls upgrading theirs deadlock.
      await db
        .insertInto('outbox_consumers')
        .values({ consumer })
        .onDuplicateKeyUpdate((eb) => ({ consumer: eb.ref('outbox_consumers.consumer') }))
        .execute();
      return;
    }
    await insertIfAbsent(this.#context, 'outbox_consumers', { consumer });
    // SQLite's single writer already serialises; it has no FOR UPDATE.
    if (family === 'sqlite') return;
    await db
      .selectFrom('outbox_consumers')
      .select('consumer')
      .where('consumer', '=', consumer)
      .forUpdate()
      .execute();
  }

  #event(row: EventRow): OutboxEvent {
    const { values } = this.#context;
    return Object.freeze({
      id: row.id as string,
      type: row.type as string,
      stream: row.stream as string,
      storeId: (row.store_id ?? null) as string | null,
      occurredAt: values.readInstant(row.occurred_at),
      actorId: row.actor_id as string,
      command: row.command as string,
      payload: values.readJson<JsonValue>(row.payload),
      schemaVersion: readInteger(row.schema_version),
      position: readInteger(row.position),
      streamSeq: readInteger(row.stream_seq),
    });
  }
}
