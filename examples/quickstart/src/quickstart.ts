import {
  createAesGcmCipher,
  createBusinessCalendar,
  createCommandRunner,
  createOutboxConsumer,
  createRbacPolicy,
  DEFAULT_ROLES,
  FakeClock,
  generateCipherKey,
  isRetailKitError,
  Money,
  normalizeEmail,
} from '@retailkit/core';
import { createMemoryStorage } from '@retailkit/storage-memory';
import { countCashDrawer, show } from './count-cash-drawer.js';
import { runStockTour } from './stock-tour.js';

/** Where the quickstart writes: a title, then rows printed as a table. */
export interface Printer {
  section(title: string): void;
  table(rows: readonly Record<string, unknown>[]): void;
  line(text: string): void;
}

/**
 * Runs the tour of the foundation on the in-memory adapter (a fresh, throw-away database each run)
 * and returns what it found.
 */
export async function runQuickstart(print: Printer) {
  // A Berlin store whose business day starts at 04:00; the clock is fixed on the night the
  // clocks go forward, so the output is the same every run.
  const calendar = createBusinessCalendar({ timeZone: 'Europe/Berlin', dayStart: '04:00' });
  const clock = new FakeClock('2025-03-30T00:30:00Z');

  print.section('Money: a 0.04 discount over three lines of 0.99, to the cent');
  const lines = ['0.99', '0.99', '0.99'];
  const shares = Money.of('0.04', 'EUR').allocate(lines);
  print.table(
    lines.map((price, i) => ({
      line: i + 1,
      price: show({ amount: price, currency: 'EUR' }),
      discount: shares[i]?.format('en-IE'),
      net: Money.of(price, 'EUR')
        .subtract(shares[i] as Money)
        .format('en-IE'),
    })),
  );
  const total = Money.sum(shares, 'EUR');
  print.line(`allocated ${total.format('en-IE')} of ${Money.of('0.04', 'EUR').format('en-IE')}`);

  print.section('Business days: Berlin, day start 04:00');
  const saleAt = clock.now();
  const day = calendar.businessDayOf(saleAt);
  const range = calendar.dayRange(day);
  const hours = (range.end.getTime() - range.start.getTime()) / 3_600_000;
  print.table([
    {
      sale: saleAt.toISOString(),
      'business day': day,
      'day starts': range.start.toISOString(),
      'day ends': range.end.toISOString(),
      hours,
    },
  ]);

  print.section('Commands: validated, authorised, transactional, idempotent');
  // The in-memory adapter: every run starts from an empty database, so these figures never change.
  const storage = createMemoryStorage();
  const policy = createRbacPolicy({
    roles: {
      ...DEFAULT_ROLES,
      cashier: { permissions: [...DEFAULT_ROLES.cashier.permissions, 'cash-drawer.count'] },
    },
  });
  const runner = createCommandRunner({ storage, clock, policy });
  const ana = { id: 'ana', roles: ['cashier'], storeIds: ['berlin-mitte'] };
  const request = {
    storeId: 'berlin-mitte',
    drawerId: 'till-1',
    expected: { amount: '412.50', currency: 'EUR' },
    counted: { amount: '410.00', currency: 'EUR' },
  };
  const first = await runner.run(countCashDrawer, request, {
    actor: ana,
    idempotencyKey: 'count-till-1-2025-03-29',
  });
  const retry = await runner.run(countCashDrawer, request, {
    actor: ana,
    idempotencyKey: 'count-till-1-2025-03-29',
  });
  const refusals: Record<string, unknown>[] = [];
  for (const [what, attempt] of [
    [
      'other store',
      () => runner.execute(countCashDrawer, { ...request, storeId: 'hamburg' }, { actor: ana }),
    ],
    [
      'same key, other count',
      () =>
        runner.execute(
          countCashDrawer,
          { ...request, counted: { amount: '412.50', currency: 'EUR' } },
          { actor: ana, idempotencyKey: 'count-till-1-2025-03-29' },
        ),
    ],
    [
      'float amount',
      () =>
        runner.execute(
          countCashDrawer,
          { ...request, counted: { amount: 410.1, currency: 'EUR' } } as never,
          { actor: ana },
        ),
    ],
  ] as const) {
    try {
      await attempt();
      refusals.push({ attempt: what, outcome: 'accepted' });
    } catch (error) {
      refusals.push({
        attempt: what,
        code: isRetailKitError(error) ? error.code : 'unexpected',
        message: String((error as Error).message),
      });
    }
  }
  print.table([
    {
      call: 'first',
      replayed: first.replayed,
      variance: show(first.result.variance),
      events: first.events.length,
    },
    {
      call: 'retry, same key',
      replayed: retry.replayed,
      variance: show(retry.result.variance),
      events: retry.events.length,
    },
  ]);
  print.table(refusals);

  print.section('Outbox: at-least-once delivery to an integration');
  const consumer = createOutboxConsumer(storage, { consumer: 'accounting', clock });
  const delivered: Record<string, unknown>[] = [];
  const drained = await consumer.drain((event) => {
    delivered.push({
      type: event.type,
      stream: event.stream,
      seq: event.streamSeq,
      attempt: event.attempt,
      actor: event.actorId,
      at: event.occurredAt,
    });
  });
  print.table(delivered);
  print.line(`handled ${drained.handled}, failed ${drained.failed.length}`);

  print.section('Privacy: an encrypted email with a blind index for lookups');
  const cipher = createAesGcmCipher({
    keys: [{ id: 'k2025', key: generateCipherKey() }],
    currentKeyId: 'k2025',
    indexKey: generateCipherKey(),
  });
  const email = 'Ana.Schmidt@example.org';
  const stored = await cipher.encrypt(normalizeEmail(email), { associatedData: 'customer:c-1:email' });
  const sameIndex =
    (await cipher.blindIndex(normalizeEmail(' ana.schmidt@EXAMPLE.org '), 'customer.email')) ===
    (await cipher.blindIndex(normalizeEmail(email), 'customer.email'));
  const decrypted = await cipher.decrypt(stored, { associatedData: 'customer:c-1:email' });
  print.table([
    { stored: `${stored.slice(0, 28)}…`, 'index matches differently typed email': sameIndex, decrypted },
  ]);

  const stock = await runStockTour(print, clock, storage);
  await storage.close();
  return {
    allocated: total.toJSON(),
    businessDay: day,
    dayHours: hours,
    replayed: retry.replayed,
    refusals: refusals.map((row) => row.code),
    delivered: drained.handled,
    failedDeliveries: drained.failed.length,
    sameIndex,
    decrypted,
    stock,
  };
}
