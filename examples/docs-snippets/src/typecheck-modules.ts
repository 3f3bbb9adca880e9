import { join } from 'node:path';
import ts from 'typescript';

/**
 * Type errors of the given files under the repository's own compiler options (strict, NodeNext,
 * workspace packages resolved to source), one `file:line: message` string each.
 */
export function typecheckModules(repositoryRoot: string, files: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(repositoryRoot, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const wanted = new Set(files.map((file) => program.getSourceFile(file)));
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && wanted.has(diagnostic.file))
    .map((diagnostic) => {
      const file = diagnostic.file!;
      const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      return `${file.fileName.split('/').pop()}:${line + 1}: ${message}`;
    });
}
