import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import ts from 'typescript';
import type { SourceFiles } from './type-check.ts';

const { folder, fileSets } = workerData as { folder: string; fileSets: SourceFiles[] };

// Browser-style globals (fetch, Request, Headers) as a generated client's users have them.
const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2024,
  lib: ['lib.es2024.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
  strict: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
};

function check(files: SourceFiles, previous: ts.Program | undefined): ts.Program {
  const sources = new Map(Object.entries(files).map(([name, text]) => [join(folder, name), text]));
  const host = ts.createCompilerHost(options);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => sources.has(file) || fileExists(file);
  host.readFile = (file) => sources.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = sources.get(file);
    return text === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  // The previous program lends the files that did not change (the libraries): the next check takes a fraction of the time.
  return ts.createProgram([...sources.keys()], options, host, previous);
}

const messages: string[][] = [];
let program: ts.Program | undefined;
for (const files of fileSets) {
  program = check(files, program);
  messages.push(ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')));
}
parentPort?.postMessage(messages);
