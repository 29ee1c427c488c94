import * as l10n from '@vscode/l10n';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pythonParserStatus } from '../engine/python/pythonParser';
import { installHint } from '../engine/packageJson';
import { dependencyFixability, willMigrate } from '../engine/project/dependencyMigration';
import { packageImportsOf } from '../engine/project/localImports';
import { type FileScanResult, type ScannedFile, scanWorkspace } from '../workspace';
import { PackageContexts } from '../workspace/packageContexts';
import { describeIoError } from '../workspace/ioErrors';
import { type FileFixOutcome, fixPackageJson, fixScannedFile } from './applyFixes';
import { lockfilesFor } from './lockfiles';
import { isPackageJsonWithFindings, packageRootOf, prepareForFix } from './prepareForFix';
import { CliError } from './cliError';
import { ExitCode } from './exitCodes';
import { loadSettings } from './loadSettings';
import { createReporter } from './output/createReporter';
import type { OutputStream } from './output/reporter';
import type { ScanArguments } from './parseArguments';
import { TOOL_NAME } from './toolInfo';

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** `scan [paths...]`: reports findings; the exit code tells CI whether there is anything to migrate. */
export async function scanCommand(args: ScanArguments, io: CliIo): Promise<ExitCode> {
  await assertPathsExist(args.paths, io.cwd);
  const { settings, warnings } = await loadSettings(args.configPath, args.region, io.cwd);
  for (const warning of warnings) io.stderr.write(`${TOOL_NAME}: ${warning}\n`);
  const reporter = createReporter(args.format, { stdout: io.stdout, env: io.env, cwd: io.cwd, settings, paths: args.paths });
  const results = scanWorkspace({
    roots: args.paths,
    cwd: io.cwd,
    settings,
    maxFileSizeBytes: args.maxFileSizeKb === undefined ? undefined : args.maxFileSizeKb * 1024,
    blockingReads: true,
  });
  const packages = new PackageContexts(io.cwd);
  // Every file is scanned before any is fixed or reported: files that share Bedrock clients or types across
  // imports are migrated together or not at all, so `fixable` is only known once all of them are read.
  const scannedFiles: FileScanResult[] = [];
  for await (const scanned of results) scannedFiles.push(scanned);
  let scannedMarkdown = false;
  const fixed = { files: 0, edits: 0 };
  const prepared = prepareForFix(scannedFiles, settings, io.cwd, packages);
  const report = (result: FileScanResult) => {
    reporter.addFile(result);
    scannedMarkdown ||= result.kind === 'scanned' && result.languageId === 'markdown';
  };
  const tellOutcome = (file: ScannedFile, outcome: FileFixOutcome) => {
    if (outcome.editCount > 0) {
      fixed.files++;
      fixed.edits += outcome.editCount;
      io.stderr.write(`${l10n.t('fixed {0} ({1} edits)', file.relativePath, outcome.editCount)}\n`);
    }
    for (const path of outcome.created) io.stderr.write(`${l10n.t('created {0}', path)}\n`);
  };
  // package.json files wait until the code is migrated: what the code imports then decides their dependencies.
  const packageJsons: ScannedFile[] = [];
  const migratedRoots = new Set<string>();
  for (const scanned of prepared.results) {
    if (!args.fix || scanned.kind !== 'scanned') {
      report(scanned);
      continue;
    }
    if (isPackageJsonWithFindings(scanned)) {
      packageJsons.push(scanned);
      continue;
    }
    // Fix before reporting, so the report shows only what is left to do by hand.
    const outcome = await fixScannedFile(scanned, settings, io.cwd, packages);
    tellOutcome(scanned, outcome);
    if (outcome.editCount > 0 && prepared.imports.has(scanned.absolutePath)) {
      prepared.imports.set(scanned.absolutePath, packageImportsOf(outcome.result.document.getText()));
      if (willMigrate(scanned.findings)) migratedRoots.add(packages.contextOf(scanned.absolutePath).root);
    }
    report(outcome.result);
  }
  for (const packageJson of packageJsons) {
    const root = packageRootOf(packageJson, io.cwd);
    if (!migratedRoots.has(root)) {
      report({ ...packageJson, findings: dependencyFixability(packageJson.document.getText(), packageJson.findings, undefined) });
      continue;
    }
    const imports = new Set([...prepared.imports].filter(([path]) => packages.contextOf(path).root === root).flatMap(([, specifiers]) => specifiers));
    const outcome = await fixPackageJson(packageJson, imports, settings, io.cwd);
    tellOutcome(packageJson, outcome);
    if (outcome.editCount > 0) io.stderr.write(`${installHint(lockfilesFor(packageJson.absolutePath, io.cwd))}\n`);
    report(outcome.result);
  }
  reporter.finish();
  if (args.fix) {
    io.stderr.write(`${l10n.t('--fix: {0} edits in {1} files; {2} findings left need manual steps (listed above).', fixed.edits, fixed.files, reporter.findingCount)}\n`);
  }
  if (scannedMarkdown) warnIfPythonUnavailable(io);
  return reporter.findingCount > 0 ? ExitCode.findings : ExitCode.clean;
}

/** A mistyped path is a usage error, not "nothing found": CI must not pass because of a typo. */
async function assertPathsExist(paths: readonly string[], cwd: string): Promise<void> {
  for (const path of paths) {
    try {
      await stat(resolve(cwd, path));
    } catch (error) {
      throw new CliError(l10n.t('Cannot scan {0}: {1}.', path, describeIoError(error)));
    }
  }
}

/** Python fences in Markdown need a WebAssembly grammar; if it failed to load, say so rather than under-report. */
function warnIfPythonUnavailable(io: CliIo): void {
  const status = pythonParserStatus();
  if (status.ready) return;
  io.stderr.write(`${TOOL_NAME}: ${l10n.t('warning: Python code blocks in Markdown were not analysed ({0}).', status.error ?? l10n.t('the Python grammar is not loaded'))}\n`);
}
