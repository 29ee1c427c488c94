// A worker thread that answers `tsc --noEmit -p <tsconfig> --pretty false` for the project suite with the
// repository's TypeScript, keeping the parsed declaration files of node_modules (lib.*.d.ts, @types/node, the AWS
// SDKs: ~570 files, most of a run's time) between programs the way a language service's document registry does.
// Plain CommonJS so that the worker needs no TypeScript loader.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const ts = require(workerData.typescript);

/** Parsed files under node_modules, by path and the options that change how a file parses. */
const shared = new Map();

function sharedKey(fileName, languageVersionOrOptions) {
  if (typeof languageVersionOrOptions !== 'object') return `${fileName}|${languageVersionOrOptions}`;
  const { languageVersion, impliedNodeFormat, jsDocParsingMode } = languageVersionOrOptions;
  return `${fileName}|${languageVersion}|${impliedNodeFormat}|${jsDocParsingMode}`;
}

function typeCheck(root, tsconfig) {
  const configPath = ts.getNormalizedAbsolutePath(tsconfig, root);
  const configDiagnostics = [];
  const parseHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => configDiagnostics.push(diagnostic) };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: true }, parseHost);
  const formatHost = { getCanonicalFileName: (fileName) => fileName, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  if (!parsed) return { output: ts.formatDiagnostics(configDiagnostics, formatHost), code: 1 };
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getCurrentDirectory = () => root;
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (!/[\\/]node_modules[\\/]/.test(fileName) || !/\.d\.[cm]?ts$/.test(fileName)) {
      return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    }
    const key = sharedKey(fileName, languageVersionOrOptions);
    let file = shared.get(key);
    if (!file) {
      file = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
      if (file) shared.set(key, file);
    }
    return file;
  };
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences, host, configFileParsingDiagnostics: parsed.errors });
  // What tsc reports (emitFilesAndReportErrors): syntax errors first, and semantic ones only when there are none.
  const diagnostics = [...configDiagnostics, ...program.getConfigFileParsingDiagnostics()];
  const before = diagnostics.length;
  diagnostics.push(...program.getSyntacticDiagnostics());
  if (diagnostics.length === before) {
    diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (diagnostics.length === before) diagnostics.push(...program.getSemanticDiagnostics());
    if (parsed.options.noEmit && ts.getEmitDeclarations(parsed.options) && diagnostics.length === before) diagnostics.push(...program.getDeclarationDiagnostics());
  }
  const sorted = ts.sortAndDeduplicateDiagnostics(diagnostics);
  return { output: ts.formatDiagnostics(sorted, formatHost), code: sorted.length === 0 ? 0 : 2 };
}

parentPort.on('message', ({ id, root, tsconfig }) => {
  try {
    parentPort.postMessage({ id, ...typeCheck(root, tsconfig) });
  } catch (error) {
    parentPort.postMessage({ id, output: `type-check worker failed: ${error && error.stack}`, code: 1 });
  }
});
