import ts from 'typescript';

/** Name under which a rewritten snippet imports vitest's `expect`. */
export const EXPECT_NAME = '__expect';

/** Name under which a rewritten snippet imports {@link expectThrows}. */
export const EXPECT_THROWS_NAME = '__expectThrows';

/** A snippet with its value comments turned into assertions, and the helpers that now needs. */
export interface RewrittenSnippet {
  /** The code; every line stays on the line it came from. */
  readonly code: string;
  /** True when the code calls {@link EXPECT_NAME}. */
  readonly usesExpect: boolean;
  /** True when the code calls {@link EXPECT_THROWS_NAME}. */
  readonly usesExpectThrows: boolean;
}

// Only these can start a literal; the evaluation below then rules out identifiers inside one.
const LITERAL_START = /^(["'[{\-\d]|(true|false|null)$)/;

/**
 * The comment as a JS literal (`"0.30"`, `'2024-03-01'`, `[1, 2]`, `{ a: 1 }`, `true`), or
 * undefined when it is prose such as `major units, as a decimal string`.
 */
export function literalComment(comment: string): string | undefined {
  const text = comment.trim();
  if (!LITERAL_START.test(text)) return undefined;
  try {
    // Evaluating, not just parsing, also rejects prose that happens to parse, like `[see below]`.
    new Function(`return (${text});`)();
    return text;
  } catch {
    return undefined;
  }
}

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Turns trailing value comments into assertions:
 * `expr; // <literal>` becomes `__expect(expr).toEqual(<literal>);`,
 * `const x = expr; // <literal>` also asserts `x`, and `expr; // throws…` asserts that it throws.
 */
export function rewriteValueComments(code: string): RewrittenSnippet {
  const source = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const replacements: Replacement[] = [];
  let usesExpect = false;
  let usesExpectThrows = false;

  const visit = (node: ts.Node, canAwait: boolean): void => {
    const comment = trailingLineComment(code, node);
    if (comment && ts.isExpressionStatement(node)) {
      const expression = node.expression.getText(source);
      const value = literalComment(comment.text);
      if (value !== undefined) {
        usesExpect = true;
        const text = `${EXPECT_NAME}(${expression}).toEqual(${value});`;
        replacements.push({ start: node.getStart(source), end: comment.end, text });
      } else if (/^throws\b/.test(comment.text) && canAwait) {
        usesExpectThrows = true;
        const text = `await ${EXPECT_THROWS_NAME}(async () => { ${expression}; });`;
        replacements.push({ start: node.getStart(source), end: comment.end, text });
      }
    } else if (comment && ts.isVariableStatement(node)) {
      const [declaration, ...others] = node.declarationList.declarations;
      const value = literalComment(comment.text);
      if (declaration && others.length === 0 && ts.isIdentifier(declaration.name) && value !== undefined) {
        usesExpect = true;
        const text = ` ${EXPECT_NAME}(${declaration.name.text}).toEqual(${value});`;
        replacements.push({ start: node.end, end: comment.end, text });
      }
    }
    const insideFunction = ts.isFunctionLike(node);
    const childCanAwait = insideFunction ? isAsync(node) : canAwait;
    ts.forEachChild(node, (child) => visit(child, childCanAwait));
  };
  visit(source, true);

  let rewritten = code;
  for (const { start, end, text } of replacements.sort((a, b) => b.start - a.start)) {
    rewritten = rewritten.slice(0, start) + text + rewritten.slice(end);
  }
  return { code: rewritten, usesExpect, usesExpectThrows };
}

function trailingLineComment(code: string, node: ts.Node): { text: string; end: number } | undefined {
  const [first] = ts.getTrailingCommentRanges(code, node.end) ?? [];
  if (first?.kind !== ts.SyntaxKind.SingleLineCommentTrivia) return undefined;
  return { text: code.slice(first.pos + 2, first.end).trim(), end: first.end };
}

function isAsync(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)
  );
}
