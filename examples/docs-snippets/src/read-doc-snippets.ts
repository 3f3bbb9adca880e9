import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A ```ts fenced block of a guide, with where it came from. */
export interface DocSnippet {
  /** The markdown file, relative to the repository root with `/` separators (`docs/money.md`). */
  readonly file: string;
  /** The 1-based line of the opening fence. */
  readonly line: number;
  /** The code, with the fence's own indentation removed (fences inside list items are indented). */
  readonly code: string;
  /** False for blocks marked `ts no-run`: shown to readers, never executed. */
  readonly runnable: boolean;
}

const OPENING_FENCE = /^( *)(`{3,}|~{3,})(.*)$/;

/** The ```ts blocks of one markdown text, in order; other languages are ignored. */
export function snippetsOf(markdown: string, file: string): DocSnippet[] {
  const lines = markdown.split('\n');
  const snippets: DocSnippet[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING_FENCE.exec(lines[index] ?? '');
    if (!opening) continue;
    const [, indent = '', fence = '', info = ''] = opening;
    const closing = new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !closing.test(lines[end] ?? '')) {
      body.push(stripIndent(lines[end] ?? '', indent.length));
      end++;
    }
    const [language, ...flags] = info.trim().split(/\s+/);
    if (language === 'ts') {
      snippets.push({ file, line: index + 1, code: body.join('\n'), runnable: !flags.includes('no-run') });
    }
    index = end;
  }
  return snippets;
}

/** Every ```ts block of the guides (`docs/*.md`, not the generated `docs/api`) and the root README. */
export function readDocSnippets(repositoryRoot: string): DocSnippet[] {
  const guides = readdirSync(join(repositoryRoot, 'docs'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => `docs/${entry.name}`)
    .sort();
  return ['README.md', ...guides].flatMap((file) =>
    snippetsOf(readFileSync(join(repositoryRoot, file), 'utf8'), file),
  );
}

function stripIndent(line: string, width: number): string {
  const leading = /^ */.exec(line)?.[0].length ?? 0;
  return line.slice(Math.min(leading, width));
}
