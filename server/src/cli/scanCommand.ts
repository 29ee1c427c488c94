import * as l10n from '@vscode/l10n';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pythonParserStatus } from '../engine/python/pythonParser';
import { installHint } from '../engine/packageJson';
import { dependencyFixability, importsOfFixedFile, migratesDependencies } from '../engine/project/dependencyMigration';
import { dependencyNeeds } from '../engine/project/dependencyNeeds';
import { type FileScanResult, type ScannedFile, scanWorkspace, toRelativePath } from '../workspace';
import { isPackageJsonFileName } from '../engine/packageJson';
import { unscannedPackageJsons } from '../workspace/unscannedPackageJsons';
import type { MigratedImports } from '../engine/project/dependencyMigration';
import { packageImportsOf } from '../engine/project/localImports';
import { PackageContexts } from '../workspace/packageContexts';
import { FixStarts } from '../engine/fixes/fixStarts';
import { describeIoError } from '../workspace/ioErrors';
import { checkRelativePath, isConfinedSync, WriteScope } from '../workspace/safeWrite';
import { type FileFixOutcome, fixPackageJson, fixScannedFile, type FixWriteContext } from './applyFixes';
import { compactScanResult, isSettled } from './compactScanResult';
import { lockfilesFor } from '../workspace/lockfiles';
import { fixPlaceIn, isPackageJsonWithFindings, packageRootOf, prepareForFix } from './prepareForFix';
import { CliError } from './cliError';
import { ExitCode, worstExitCode } from './exitCodes';
import { escapeControl } from '../formats/terminalText';
import { blindSpots, skippedFailureMessage } from './skipPolicy';
import { loadSettings } from './loadSettings';
import { createReporter } from './output/createReporter';
import type { OutputStream } from './output/reporter';
import type { ScanArguments } from './parseArguments';
import { Cancellation } from './cancellation';
import { TOOL_NAME } from '../formats/toolInfo';

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Aborted by Ctrl+C (SIGINT); see cancellation.ts. */
  signal?: AbortSignal;
}

/** `scan [paths...]`: reports findings; the exit code tells CI whether there is anything to migrate. */
export async function scanCommand(args: ScanArguments, io: CliIo): Promise<ExitCode> {
  await assertPathsExist(args.paths, io.cwd);
  const { settings, warnings } = await loadSettings(args.configPath, args.region, io.cwd);
  for (const warning of warnings) io.stderr.write(`${TOOL_NAME}: ${escapeControl(warning)}\n`);
  const reporter = createReporter(args.format, { stdout: io.stdout, env: io.env, cwd: io.cwd, settings, paths: args.paths });
  const packages = new PackageContexts(io.cwd);
  // The scan's analyses of files to fix, which their fixes go on from instead of analysing the same texts again.
  const fixStarts = args.fix ? new FixStarts() : undefined;
  const results = scanWorkspace({
    roots: args.paths,
    cwd: io.cwd,
    settings,
    maxFileSizeBytes: args.maxFileSizeKb === undefined ? undefined : args.maxFileSizeKb * 1024,
    blockingReads: true,
    fixPlace: fixPlaceIn(io.cwd, packages),
    fixStarts,
  });
  // Every file is scanned before any is fixed or reported: files that share Bedrock clients or types across
  // imports are migrated together or not at all, so `fixable` is only known once all of them are read.
  let scannedMarkdown = false;
  const report = (result: FileScanResult) => {
    reporter.addFile(result);
    scannedMarkdown ||= result.kind === 'scanned' && result.languageId === 'markdown';
  };
  const scannedFiles: FileScanResult[] = [];
  const cancellation = new Cancellation(io.signal);
  // Every package.json scanned, with findings or not: the dependency step reads those (unscannedPackageJsons.ts).
  const scannedPackageJsons = new Set<string>();
  for await (const scanned of results) {
    await cancellation.check();
    if (args.fix && isPackageJsonFileName(scanned.absolutePath)) scannedPackageJsons.add(scanned.absolutePath);
    const compact = compactScanResult(scanned);
    // Most files of a large tree end here: counted at once instead of held (their paths and documents were a
    // third of what a scan kept alive, and a larger live heap lets V8 grow the heap further before collecting).
    if (isSettled(compact)) report(compact);
    else scannedFiles.push(compact);
  }
  const prepared = prepareForFix(scannedFiles, io.cwd, packages);
  const fixed = { files: 0, edits: 0, failed: 0 };
  const writeContext = args.fix ? await fixWriteContext(args, io.cwd, settings.adapterPath, packages) : undefined;
  const tell = (file: ScannedFile, outcome: FileFixOutcome) => {
    const shown = escapeControl(file.relativePath);
    if (outcome.editCount > 0) {
      fixed.files++;
      fixed.edits += outcome.editCount;
      io.stderr.write(`${l10n.t('fixed {0} ({1} edits)', shown, outcome.editCount)}\n`);
    }
    for (const path of outcome.created) io.stderr.write(`${l10n.t('created {0}', escapeControl(path))}\n`);
    if (outcome.blocked) io.stderr.write(`${l10n.t('not fixed {0}: {1}', shown, outcome.blocked)}\n`);
    if (outcome.failure) {
      fixed.failed++;
      io.stderr.write(`${l10n.t('failed {0}: {1}', shown, escapeControl(outcome.failure))}\n`);
    }
  };
  // package.json files wait until the code is migrated: what the code imports then decides their dependencies.
  const packageJsons: ScannedFile[] = [];
  /** What each planned script imports once fixed (prepared.imports: what it imports before). */
  const fixedImports = new Map<string, string[]>();
  /** Each file whose migration changes its package's dependencies, with what it imports before and once fixed. */
  const migratedImports = new Map<string, MigratedImports>();
  for (const scanned of prepared.results) {
    if (!writeContext || scanned.kind !== 'scanned') {
      report(scanned);
      continue;
    }
    if (isPackageJsonWithFindings(scanned)) {
      packageJsons.push(scanned);
      continue;
    }
    // Fix before reporting, so the report shows only what is left to do by hand. Ctrl+C: the files fixed so far
    // stay fixed (each written atomically), the next one is not started.
    await cancellation.beforeWrite();
    const outcome = await fixScannedFile(scanned, settings, writeContext, fixStarts?.take(scanned.absolutePath));
    tell(scanned, outcome);
    const migrates = migratesDependencies(scanned.findings);
    const planned = prepared.imports.has(scanned.absolutePath);
    if (outcome.editCount > 0 && (migrates || planned)) {
      const imports = importsOfFixedFile(outcome.result.document.getText(), scanned.findings);
      if (migrates) migratedImports.set(scanned.absolutePath, { before: prepared.imports.get(scanned.absolutePath) ?? packageImportsOf(scanned.document.getText()), after: imports });
      if (planned) fixedImports.set(scanned.absolutePath, imports);
    }
    report(outcome.result);
  }
  // Each import counts for the package.json that provides it (a monorepo's root may list what a package uses).
  const needs = dependencyNeeds([...prepared.imports].map(([path, before]) => ({
    packageRoot: packages.contextOf(path).root, before, after: fixedImports.get(path) ?? before, migrates: migratedImports.has(path),
  })), packageJsons.map((packageJson) => ({ packageRoot: packageRootOf(packageJson, io.cwd), text: packageJson.document.getText() })));
  for (const packageJson of packageJsons) {
    const root = packageRootOf(packageJson, io.cwd);
    if (!writeContext || !needs.migrating.has(root)) {
      report({ ...packageJson, findings: dependencyFixability(packageJson.document.getText(), packageJson.findings, undefined) });
      continue;
    }
    const imports = needs.imports.get(root) ?? new Set<string>();
    await cancellation.beforeWrite();
    const outcome = await fixPackageJson(packageJson, imports, settings, writeContext);
    tell(packageJson, outcome);
    if (outcome.editCount > 0) io.stderr.write(`${installHint(lockfilesFor(packageJson.absolutePath, io.cwd))}\n`);
    report(outcome.result);
  }
  reporter.finish();
  const unlisted = args.fix ? unscannedPackageJsons(migratedImports, (file) => packages.enclosingPackageJsons(file), (path) => scannedPackageJsons.has(path)) : [];
  for (const { packageJson, missing } of unlisted) {
    const shown = escapeControl(toRelativePath(io.cwd, packageJson));
    io.stderr.write(`${l10n.t('{0} was not scanned, so --fix did not update it, but the code it migrated there imports {1}, which it does not list: add it (npm install {1}), or run scan --fix on the whole package.', shown, missing.join(' '))}\n`);
  }
  if (args.fix) {
    io.stderr.write(`${l10n.t('--fix: {0} edits in {1} files; {2} findings left need manual steps (listed above).', fixed.edits, fixed.files, reporter.findingCount)}\n`);
    if (fixed.failed > 0) io.stderr.write(`${l10n.t('--fix: {0} file(s) could not be fixed (see "failed" above); they were left unchanged.', fixed.failed)}\n`);
  }
  if (scannedMarkdown) warnIfPythonUnavailable(io);
  const unanalysed = blindSpots(reporter.skipped).length;
  if (args.failOnSkipped && unanalysed > 0) io.stderr.write(`${TOOL_NAME}: ${skippedFailureMessage(unanalysed)}\n`);
  return worstExitCode(
    reporter.findingCount > 0 || unlisted.length > 0 ? ExitCode.findings : ExitCode.clean,
    args.failOnSkipped && unanalysed > 0 ? ExitCode.skipped : ExitCode.clean,
    fixed.failed > 0 ? ExitCode.fixFailed : ExitCode.clean,
  );
}

/**
 * Where `--fix` may write (workspace/safeWrite.ts): rewrites stay inside the scanned paths (real paths, so a link
 * pointing out is refused), created files inside the current folder. An adapterPath leading out is a usage error, and
 * so is a scanned path outside the current folder: its files would import the adapter created here, from another
 * project (`../../other/sagemaker-converse`), and the migrated project would not run on its own.
 */
async function fixWriteContext(args: ScanArguments, cwd: string, adapterPath: string, packages: PackageContexts): Promise<FixWriteContext> {
  const adapter = checkRelativePath(adapterPath);
  if (!adapter.ok) throw new CliError(l10n.t('Invalid adapterPath: {0}', adapter.message));
  const outside = args.paths.find((path) => !isConfinedSync(cwd, resolve(cwd, path)));
  if (outside !== undefined) {
    throw new CliError(l10n.t('{0} is outside the current folder: --fix writes only inside the folder it runs in (the files it migrates import the modules it creates there). Run it from a folder that contains {0}.', outside));
  }
  const [rewriteScope, createScope] = await Promise.all([WriteScope.of(args.paths.map((path) => resolve(cwd, path))), WriteScope.of([cwd])]);
  return { workspaceRoot: cwd, rewriteScope, createScope, packages };
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
