import { describe, expect, it } from 'vitest';
import { literalComment, rewriteValueComments } from '../src/rewrite-value-comments.js';

describe('literalComment', () => {
  it('accepts JS literals: strings, numbers, arrays, objects, booleans', () => {
    for (const value of [
      '"0.30"',
      "'2024-03-09'",
      '-0.10',
      '[1, "a"]',
      '{ amount: "1.00", currency: "USD" }',
    ]) {
      expect(literalComment(value)).toBe(value);
    }
    expect(literalComment(' true ')).toBe('true');
    expect(literalComment('false')).toBe('false');
  });

  it('leaves prose alone, even prose that starts like a literal or parses as an expression', () => {
    for (const prose of [
      'major units, as a decimal string',
      '1.234 KWD, from minor units',
      '3 each: whole items are the default unit',
      "'2024-03-09' (01:30 local)",
      "e.g. '2024-03-09'",
      "{ start: '2024-03-10', end: '2024-03-17', range } (Sunday weeks)",
      "{ start: '2024-03-10', range }",
      '[pending]',
      'February 2024',
      'true story',
    ]) {
      expect(literalComment(prose)).toBeUndefined();
    }
  });
});

describe('rewriteValueComments', () => {
  it('turns `expr; // literal` into an assertion on the same line', () => {
    const { code, usesExpect } = rewriteValueComments('a.add(b).amount; // "0.30"\nnext();');
    expect(code).toBe('__expect(a.add(b).amount).toEqual("0.30");\nnext();');
    expect(usesExpect).toBe(true);
  });

  it('asserts the variable of `const x = expr; // literal`', () => {
    const { code } = rewriteValueComments("const json = m.toJSON(); // { amount: '1.00' }");
    expect(code).toBe("const json = m.toJSON(); __expect(json).toEqual({ amount: '1.00' });");
  });

  it('leaves prose comments, and comments inside object literals, untouched', () => {
    const source = [
      "const price = Money.of('12.34', 'USD'); // major units, as a decimal string",
      'Quantity.of(3); // 3 each: whole items are the default unit',
      'const c = create({',
      '  weekStartsOn: 0, // 0 = Sunday … 6 = Saturday; default 1 (Monday)',
      "  dayStart: '04:00', // '00:00'",
      '});',
    ].join('\n');
    expect(rewriteValueComments(source)).toEqual({
      code: source,
      usesExpect: false,
      usesExpectThrows: false,
    });
  });

  it('is not fooled by `//` inside a string', () => {
    const { code } = rewriteValueComments("new URL('https://example.com/a').pathname; // '/a'");
    expect(code).toBe("__expect(new URL('https://example.com/a').pathname).toEqual('/a');");
  });

  it('keeps every line of a multi-line statement where it was', () => {
    const source = 'sum(\n  1,\n  2,\n); // 3\nafter(); // 4';
    const { code } = rewriteValueComments(source);
    expect(code).toBe('__expect(sum(\n  1,\n  2,\n)).toEqual(3);\n__expect(after()).toEqual(4);');
  });

  it('asserts `// throws…` statements throw, where an await is allowed', () => {
    const { code, usesExpectThrows } = rewriteValueComments(
      "schema.parse('2025-02-30'); // throws: not a date",
    );
    expect(code).toBe("await __expectThrows(async () => { schema.parse('2025-02-30'); });");
    expect(usesExpectThrows).toBe(true);
    const inSyncFunction = 'function f() {\n  g(); // throws\n}';
    expect(rewriteValueComments(inSyncFunction).code).toBe(inSyncFunction);
  });
});
