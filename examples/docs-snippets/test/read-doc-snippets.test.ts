import { describe, expect, it } from 'vitest';
import { snippetsOf } from '../src/read-doc-snippets.js';

describe('snippetsOf', () => {
  it('finds ```ts blocks with their fence line, and marks `ts no-run` blocks', () => {
    const markdown = [
      '# Guide', // 1
      '```sh', // 2
      'pnpm test',
      '```',
      '```ts', // 5
      'run();',
      '```',
      '```ts no-run', // 8
      'interface A {}',
      '```',
    ].join('\n');
    expect(snippetsOf(markdown, 'docs/guide.md')).toEqual([
      { file: 'docs/guide.md', line: 5, code: 'run();', runnable: true },
      { file: 'docs/guide.md', line: 8, code: 'interface A {}', runnable: false },
    ]);
  });

  it('removes the indentation of a fence inside a list item, and keeps deeper indentation', () => {
    const markdown = ['1. Rotate:', '', '   ```ts', '   if (a) {', '     b();', '   }', '   ```'].join('\n');
    expect(snippetsOf(markdown, 'x.md')).toEqual([
      { file: 'x.md', line: 3, code: 'if (a) {\n  b();\n}', runnable: true },
    ]);
  });

  it('does not end a block at a shorter inner fence', () => {
    const markdown = ['````ts', 'const md = `', '```', '`;', '````'].join('\n');
    expect(snippetsOf(markdown, 'x.md').map((snippet) => snippet.code)).toEqual(['const md = `\n```\n`;']);
  });
});
