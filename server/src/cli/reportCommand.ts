import { basename, dirname, resolve } from 'node:path';
import { currentLocale, setLocale, type Locale } from '../engine/l10n';
import { PackageContexts } from '../workspace/packageContexts';
import { compactScanResult } from './compactScanResult';
import { fixPlaceIn, isPackageJsonWithFindings, prepareForFix } from './prepareForFix';
import { packageInstallFor } from '../engine/packageJson';
import { lockfilesFor } from '../workspace/lockfiles';
import type { EngineSettings } from '../engine/types';
import { localIsoDate, ReportCollector, renderMarkdown, toFileResult } from '../report';
import { scanWorkspace, type FileScanResult } from '../workspace';
import { ExitCode, worstExitCode } from './exitCodes';
import { loadSettings } from './loadSettings';
import { createReporter } from './output/createReporter';
import type { FileMessage } from '../formats/jsonReport';
import { escapeControl } from '../formats/terminalText';
import type { ReportArguments } from './reportArguments';
import { writeReportFile } from './reportAtomicWrite';
import { resolveReportRoots, type ReportRoot } from './reportFolders';
import { reportUsageText } from './reportUsage';
import type { CliIo } from './scanCommand';
import { blindSpots, skippedFailureMessage } from './skipPolicy';
import { Cancellation } from './cancellation';
import { TOOL_NAME } from '../formats/toolInfo';

interface RenderedReport {
  text: string;
  findingCount: number;
  /** Files not analysed, with the reason (for `--fail-on-skipped`). */
  skipped: FileMessage[];
}

/** Every file the scan looked at (absolute paths), which `--out` must never overwrite. */
type ScannedPaths = Set<string>;

/** `report [paths...]`: the migration report as Markdown, or the scan's JSON/SARIF; exit codes as for `scan`. */
export async function reportCommand(args: ReportArguments, io: CliIo): Promise<ExitCode> {
  if (args.locale) setLocale(args.locale);
  if (args.help) {
    io.stdout.write(reportUsageText());
    return ExitCode.clean;
  }
  const roots = await resolveReportRoots(args.paths, io.cwd);
  const { settings, warnings } = await loadSettings(args.configPath, args.region, io.cwd);
  for (const warning of warnings) io.stderr.write(`${TOOL_NAME}: ${escapeControl(warning)}\n`);
  const maxFileSizeBytes = args.maxFileSizeKb === undefined ? undefined : args.maxFileSizeKb * 1024;
  const outPath = args.outPath === undefined ? undefined : resolve(io.cwd, args.outPath);
  const scannedPaths: ScannedPaths = new Set();
  const cancellation = new Cancellation(io.signal);
  const report = args.format === 'markdown'
    ? await markdownReport(roots, settings, maxFileSizeBytes, { locale: currentLocale(), linkBase: outPath ? dirname(outPath) : io.cwd, env: io.env, cwd: io.cwd, cancellation }, scannedPaths)
    : await scanFormatReport(args, io, settings, maxFileSizeBytes, scannedPaths, cancellation);
  await cancellation.beforeWrite();
  if (outPath && args.outPath) await writeReportFile(outPath, report.text, args.outPath, { scannedFiles: scannedPaths, force: args.force });
  else io.stdout.write(report.text);
  const unanalysed = blindSpots(report.skipped).length;
  if (args.failOnSkipped && unanalysed > 0) io.stderr.write(`${TOOL_NAME}: ${skippedFailureMessage(unanalysed)}\n`);
  return worstExitCode(report.findingCount > 0 ? ExitCode.findings : ExitCode.clean, args.failOnSkipped && unanalysed > 0 ? ExitCode.skipped : ExitCode.clean);
}

interface MarkdownContext {
  locale: Locale;
  linkBase: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  cancellation: Cancellation;
}

async function markdownReport(
  roots: readonly ReportRoot[], settings: EngineSettings, maxFileSizeBytes: number | undefined, context: MarkdownContext, scannedPaths: ScannedPaths,
): Promise<RenderedReport> {
  const collector = new ReportCollector({
    workspaceName: roots.length === 1 ? roots[0]!.name : basename(context.cwd),
    folders: roots.map(({ name, root }) => ({ name, root })),
    targetRegion: settings.targetRegion,
    locale: context.locale,
    date: reportDate(context.env),
    linkBase: context.linkBase,
  });
  let findingCount = 0;
  const skipped: FileMessage[] = [];
  for (const { name, root, walk } of roots) {
    // Walk each folder from its own root, so paths (and test-folder detection) are relative to the project.
    const scanned: FileScanResult[] = [];
    const packages = new PackageContexts(root);
    for await (const result of scanWorkspace({ roots: walk, cwd: root, settings, maxFileSizeBytes, blockingReads: true, fixPlace: fixPlaceIn(root, packages) })) {
      await context.cancellation.check();
      scannedPaths.add(result.absolutePath);
      if (result.kind === 'skipped') skipped.push({ file: result.relativePath, reason: result.reason, message: result.message });
      scanned.push(compactScanResult(result));
    }
    for (const result of prepareForFix(scanned, root, packages).results) {
      const file = toFileResult(name, result.relativePath, result);
      // A package.json that lists Bedrock packages changes with the migration: the report names its install command.
      if (isPackageJsonWithFindings(result) && file.findings.some((finding) => finding.ruleId === 'bedrock/dependency')) {
        file.install = packageInstallFor(lockfilesFor(result.absolutePath, root));
      }
      findingCount += file.findings.length;
      collector.add(file);
    }
  }
  return { text: renderMarkdown(collector.finish()), findingCount, skipped };
}

/** JSON and SARIF are exactly what `scan --format json|sarif` prints, so tools read both the same way. */
async function scanFormatReport(
  args: ReportArguments, io: CliIo, settings: EngineSettings, maxFileSizeBytes: number | undefined, scannedPaths: ScannedPaths, cancellation: Cancellation,
): Promise<RenderedReport> {
  const chunks: string[] = [];
  const reporter = createReporter(args.format === 'json' ? 'json' : 'sarif', {
    stdout: { write: (text) => chunks.push(text) }, env: io.env, cwd: io.cwd, settings, paths: args.paths,
  });
  const scanned: FileScanResult[] = [];
  const packages = new PackageContexts(io.cwd);
  for await (const result of scanWorkspace({ roots: args.paths, cwd: io.cwd, settings, maxFileSizeBytes, blockingReads: true, fixPlace: fixPlaceIn(io.cwd, packages) })) {
    await cancellation.check();
    scannedPaths.add(result.absolutePath);
    scanned.push(compactScanResult(result));
  }
  // "Auto-fixable" means what the fix engine will really do, as `scan --fix` and the editor do it.
  for (const result of prepareForFix(scanned, io.cwd, packages).results) reporter.addFile(result);
  reporter.finish();
  return { text: chunks.join(''), findingCount: reporter.findingCount, skipped: [...reporter.skipped] };
}

/** Today's local date; SOURCE_DATE_EPOCH (the reproducible-builds convention) pins it, in UTC, for golden files. */
function reportDate(env: NodeJS.ProcessEnv): string {
  const pinned = env.SOURCE_DATE_EPOCH;
  if (pinned !== undefined && /^\d+$/.test(pinned)) return new Date(Number(pinned) * 1000).toISOString().slice(0, 10);
  return localIsoDate(new Date());
}
