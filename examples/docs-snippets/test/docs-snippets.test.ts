import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCipherKey } from '@retailkit/core';
import { describe, expect, it } from 'vitest';
import { type DocSnippet, readDocSnippets } from '../src/read-doc-snippets.js';
import { snippetModule, snippetModuleName } from '../src/snippet-module.js';
import { typecheckModules } from '../src/typecheck-modules.js';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const outDir = fileURLToPath(new URL('../.snippets/', import.meta.url));

// The secrets the encryption guide reads from the environment, as a deployment would provide them.
process.env.PII_KEY_2025_01 ??= generateCipherKey();
process.env.PII_KEY_2026_01 ??= generateCipherKey();
process.env.PII_INDEX_KEY ??= generateCipherKey();

const snippets = readDocSnippets(repositoryRoot);
const runnable = snippets.filter((snippet) => snippet.runnable);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
function writeModule(snippet: DocSnippet): string {
  const path = `${outDir}${snippetModuleName(snippet)}`;
  writeFileSync(path, snippetModule(snippet, '../src/expect-throws.js'));
  return path;
}
const modules = runnable.map((snippet) => ({ snippet, path: writeModule(snippet) }));

// Runs a made-up snippet the way a guide's is run.
async function runMadeUp(line: number, code: string): Promise<unknown> {
  return import(pathToFileURL(writeModule({ file: 'made-up.md', line, code, runnable: true })).href);
}

describe('the guides’ ts snippets run, and their value comments hold', () => {
  it('finds the snippets of every guide and the README', () => {
    const files = new Set(snippets.map((snippet) => snippet.file));
    expect([...files].sort()).toEqual([
      'README.md',
      'docs/business-calendar.md',
      'docs/catalog.md',
      'docs/commands.md',
      'docs/inventory.md',
      'docs/money.md',
      'docs/orders.md',
      'docs/security-encryption.md',
      'docs/storage-adapters.md',
      'docs/storage.md',
    ]);
  });

  for (const { snippet, path } of modules) {
    // Snippets that start embedded PostgreSQL (PGlite) wait a few seconds for it to boot.
    it(`${snippet.file}:${snippet.line}`, async () => {
      await import(pathToFileURL(path).href);
    }, 60_000);
  }

  it('every runnable snippet typechecks against the packages’ source', () => {
    const paths = modules.map((module) => module.path);
    expect(typecheckModules(repositoryRoot, paths)).toEqual([]);
  }, 60_000);
});

describe('a guide that no longer matches the code fails', () => {
  it('on a wrong value comment, pointing at the doc line', async () => {
    const code =
      "import { Money } from '@retailkit/core';\nMoney.of('0.10', 'USD').add(Money.of('0.20', 'USD')).amount; // '0.3'";
    const failure = await runMadeUp(10, code).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure)).toContain("expected '0.30' to deeply equal '0.3'");
    expect((failure as Error).stack).toContain('made-up.md-10.ts:12');
  });

  it('on a `// throws` statement that does not throw', async () => {
    await expect(runMadeUp(20, "JSON.parse('1'); // throws")).rejects.toThrow('did not throw');
  });

  it('on a `// throws` statement that throws only because the API is gone', async () => {
    const code = "import * as core from '@retailkit/core';\n(core as any).noSuchFunction(); // throws";
    await expect(runMadeUp(30, code)).rejects.toThrow('programming error');
  });
});
