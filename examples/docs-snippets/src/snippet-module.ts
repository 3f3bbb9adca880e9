import type { DocSnippet } from './read-doc-snippets.js';
import { EXPECT_NAME, EXPECT_THROWS_NAME, rewriteValueComments } from './rewrite-value-comments.js';

/** File name of a snippet's generated module: `docs-money.md-42.ts` for `docs/money.md:42`. */
export function snippetModuleName(snippet: DocSnippet): string {
  return `${snippet.file.replaceAll('/', '-')}-${snippet.line}.ts`;
}

/**
 * The ES module that runs a snippet, with its value comments asserted. Blank lines pad it so that
 * line N of the module is line N of the markdown file: a stack trace points straight into the doc.
 * `expectThrowsModule` is the import specifier of `expect-throws.ts` as seen from the module.
 */
export function snippetModule(snippet: DocSnippet, expectThrowsModule: string): string {
  const { code, usesExpect, usesExpectThrows } = rewriteValueComments(snippet.code);
  // `export {}` keeps a snippet without imports a module, so top-level await works and names stay local.
  const header = [
    'export {};',
    ...(usesExpect ? [`import { expect as ${EXPECT_NAME} } from 'vitest';`] : []),
    ...(usesExpectThrows
      ? [`import { expectThrows as ${EXPECT_THROWS_NAME} } from '${expectThrowsModule}';`]
      : []),
    `// generated from ${snippet.file}:${snippet.line}`,
  ].join(' ');
  return `${header}${'\n'.repeat(snippet.line)}${code}\n`;
}
