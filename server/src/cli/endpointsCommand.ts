import * as l10n from '@vscode/l10n';
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { readAwsProfiles } from '../../../shared/awsProfiles';
import { describeFailure } from '../endpoints/failureMessage';
import { loadDiscovery } from '../endpoints/loadDiscovery';
import { discoveryRegion, jumpStartIdsOf, planOf } from '../endpoints/plan';
import { mergeEndpointsConfig } from '../endpoints/configFile';
import { collectModelIds } from '../endpoints/workspaceModelIds';
import { normalizeSettings } from '../engine/settings';
import { setLocale } from '../engine/l10n';
import { scanWorkspace } from '../workspace';
import { describeIoError } from '../workspace/ioErrors';
import { createFile, readForEdit, writeEdited, WriteScope, type WriteOutcome } from '../workspace/safeWrite';
import { Cancellation, CancelledError } from './cancellation';
import { CliError } from './cliError';
import type { EndpointsArguments } from './endpointsArguments';
import { renderEndpointsText } from './endpointsText';
import { ExitCode } from './exitCodes';
import type { CliIo } from './scanCommand';
import { TOOL_NAME } from '../formats/toolInfo';
import { configLayers } from './config/discoverConfig';
import { type CheckedFile, endpointProblemsOf, type LocatedEndpointProblem } from './endpointProblems';
import { renderEndpointProblems } from './endpointsText';
import { loadSettings } from './loadSettings';
import type { EndpointInventory } from '../engine/endpoints/endpointValidation';
import type { EndpointMapping } from '../engine/types';
import type { FileScanResult } from '../workspace/types';

/**
 * `endpoints [paths...]`: the only command that talks to AWS. Lists the SageMaker endpoints of a China region
 * (read-only calls), matches them with the Bedrock model ids of the scanned files, prints the proposed `endpoints`
 * setting and, with --write-config, merges it into a JSON settings file. Exit 0 on success, 1 when endpoints the
 * workspace already names have problems (so CI notices a mapping gone stale), 2 on any error.
 */
export async function endpointsCommand(args: EndpointsArguments, io: CliIo): Promise<ExitCode> {
  if (args.locale) setLocale(args.locale);
  if (args.help) {
    io.stdout.write(endpointsUsageText());
    return ExitCode.clean;
  }
  for (const path of args.paths) {
    try {
      await stat(resolve(io.cwd, path));
    } catch (error) {
      throw new CliError(l10n.t('Cannot scan {0}: {1}.', path, describeIoError(error)));
    }
  }
  // Everything that can fail locally fails before the first network call.
  const config = args.writeConfig === undefined ? undefined : await readWritableConfig(args.writeConfig, io.cwd);
  const settings = normalizeSettings(config?.parsed ?? {});
  const profile = args.profile ? readAwsProfiles(io.env).find((candidate) => candidate.name === args.profile) : undefined;
  const region = discoveryRegion(args.region, profile, io.env, settings.targetRegion);

  const locations = new Map<string, string[]>();
  const scanned = [];
  const cancellation = new Cancellation(io.signal);
  for await (const result of scanWorkspace({ roots: args.paths, cwd: io.cwd, settings: { ...settings, targetRegion: region }, blockingReads: true })) {
    await cancellation.check();
    scanned.push(result);
  }
  collectModelIds(scanned, locations);

  // Ctrl+C aborts the AWS call in flight (the SDK's abortSignal).
  const discovery = await loadDiscovery().discoverEndpoints({ region, profile: args.profile, hubModelIds: jumpStartIdsOf(locations.keys()), signal: io.signal });
  if (!discovery.ok && discovery.failure.code === 'cancelled') throw new CancelledError();
  if (!discovery.ok) throw new CliError(describeFailure(discovery.failure));
  if (discovery.hubFailure) io.stderr.write(`${TOOL_NAME}: ${l10n.t('warning: JumpStart availability not checked: {0}', describeFailure(discovery.hubFailure))}\n`);
  const plan = planOf(locations.keys(), discovery);

  let written: { file: string; added: string[]; updated: string[]; unchanged: string[] } | undefined;
  if (config && args.writeConfig) {
    await cancellation.beforeWrite();
    const merged = mergeEndpointsConfig(config.text, plan.mapping);
    const outcome = await writeConfig(config, merged.text, io.cwd);
    if (!outcome.ok) throw new CliError(l10n.t('Cannot write {0}: {1}', args.writeConfig, outcome.message));
    written = { file: args.writeConfig, added: merged.added, updated: merged.updated, unchanged: merged.unchanged };
  }

  const problems = await configuredEndpointProblems(args, io, scanned, discovery, written ? { path: args.writeConfig!, mapping: plan.mapping } : undefined);

  if (args.format === 'json') {
    const models = plan.matches.map((match) => ({ ...match, locations: match.foundAs.flatMap((id) => locations.get(id) ?? []) }));
    io.stdout.write(`${JSON.stringify({
      region: plan.region, profile: plan.profile ?? null, endpoints: plan.endpoints, models, mapping: plan.mapping,
      ...(plan.hub ? { jumpStart: plan.hub } : {}), ...(written ? { written } : {}), problems,
    }, null, 2)}\n`);
  } else {
    io.stdout.write(renderEndpointsText(plan, locations));
    io.stdout.write(renderEndpointProblems(problems));
    if (written) {
      io.stdout.write(`${l10n.t('Wrote {0}: {1} added, {2} updated, {3} unchanged.', written.file, written.added.length, written.updated.length, written.unchanged.length)}\n`);
    } else if (Object.keys(plan.mapping).length > 0) {
      io.stdout.write(`${l10n.t('Save it with --write-config <file.json>, then use the file with --config.')}\n`);
    }
  }
  return problems.length > 0 ? ExitCode.findings : ExitCode.clean;
}

/**
 * The endpoint names the workspace already uses (its .vscode/settings.json and bedrock-to-sagemaker.config.json, the
 * --write-config file, string literals in the scanned code), checked against this discovery. A settings file that
 * cannot be read only skips its own check.
 */
async function configuredEndpointProblems(
  args: EndpointsArguments, io: CliIo, scanned: readonly FileScanResult[], discovery: EndpointInventory,
  written: { path: string; mapping: Record<string, EndpointMapping> } | undefined,
): Promise<LocatedEndpointProblem[]> {
  const files: CheckedFile[] = [];
  let mapping: Record<string, EndpointMapping> = {};
  try {
    const loaded = await loadSettings({ searchFrom: args.paths }, undefined, io.cwd);
    mapping = loaded.settings.endpoints;
    for (const layer of configLayers({ searchFrom: args.paths }, io.cwd).layers) {
      files.push({ path: layer.source, text: await readFile(resolve(io.cwd, layer.source), 'utf8'), languageId: 'jsonc' });
    }
  } catch (error) {
    io.stderr.write(`${TOOL_NAME}: ${l10n.t('warning: the settings files were not checked: {0}', error instanceof Error ? error.message : String(error))}\n`);
  }
  if (written) {
    mapping = { ...mapping, ...written.mapping };
    const path = resolve(io.cwd, written.path);
    if (!files.some((file) => resolve(io.cwd, file.path) === path)) files.push({ path: written.path, text: await readFile(path, 'utf8'), languageId: 'json' });
  }
  for (const result of scanned) {
    if (result.kind === 'scanned') files.push({ path: result.relativePath, text: result.document.getText(), languageId: result.languageId });
  }
  return endpointProblemsOf(files, discovery, mapping);
}

interface WritableConfig {
  path: string;
  /** Undefined: the file does not exist yet. */
  text?: string;
  parsed?: Record<string, unknown>;
}

/**
 * Through the write discipline of `--fix` (workspace/safeWrite.ts): an existing file is re-read, must still be what
 * was merged into, and is replaced atomically in its own encoding; a new one is created without clobbering a file
 * that appeared meanwhile.
 */
async function writeConfig(config: WritableConfig, text: string, cwd: string): Promise<WriteOutcome> {
  const scope = await WriteScope.of([cwd]);
  if (config.text === undefined) return createFile(config.path, text, scope, { ifMissing: false });
  const editable = await readForEdit(config.path, scope);
  if (!editable.ok) return editable;
  if (editable.text.replace(/^\uFEFF/, '') !== config.text.replace(/^\uFEFF/, '')) return { ok: false, reason: 'changed', message: l10n.t('not written: it changed after it was read (edited meanwhile?); run again to fix the new version.') };
  return writeEdited(editable, text.replace(/^\uFEFF/, ''));
}

/** The --write-config file: inside the current folder, and a JSON object if it exists (never overwritten otherwise). */
async function readWritableConfig(shownPath: string, cwd: string): Promise<WritableConfig> {
  const path = resolve(cwd, shownPath);
  const root = await realpath(cwd).catch(() => cwd);
  const parent = await realpath(dirname(path)).catch(() => undefined);
  if (parent === undefined) throw new CliError(l10n.t('Cannot write {0} ({1}).', shownPath, l10n.t('the folder does not exist')));
  // Real paths on both sides: a symbolic link inside the folder that points outside it does not count as inside.
  const inside = relative(root, join(parent, basename(path)));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new CliError(l10n.t('Refusing to write {0}: --write-config must name a file inside the current folder.', shownPath));
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path };
    throw new CliError(l10n.t('Cannot read the config file {0} ({1}).', shownPath, describeIoError(error)));
  }
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(l10n.t('The config file {0} is not valid JSON: {1}', shownPath, (error as Error).message));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CliError(l10n.t('The config file {0} must contain a JSON object.', shownPath));
  return { path, text, parsed: parsed as Record<string, unknown> };
}

export function endpointsUsageText(): string {
  return [
    l10n.t('Usage: {0} endpoints [paths...] [options]', TOOL_NAME),
    '',
    l10n.t('Lists the SageMaker endpoints of a China region (read-only AWS calls: the only command that uses the network),'),
    l10n.t('matches them with the Bedrock model ids in the given files and folders, and proposes the "endpoints" setting.'),
    l10n.t('Credentials: the AWS SDK default chain (AWS_PROFILE, environment keys, ~/.aws/config, SSO...).'),
    '',
    l10n.t('Options:'),
    `  --profile <name>                   ${l10n.t('AWS profile of your China account')}`,
    `  --region cn-north-1|cn-northwest-1  ${l10n.t("region to look in (default: the profile's China region, else the config's targetRegion)")}`,
    `  -f, --format text|json             ${l10n.t('output format (default: text)')}`,
    `  --write-config <file.json>         ${l10n.t('merge the proposed mapping into this settings file (inside the current folder; other keys kept)')}`,
    `  --lang en|zh-cn                    ${l10n.t('message language (default: from LC_ALL / LANG)')}`,
    `  -h, --help                         ${l10n.t('show this help')}`,
    '',
    l10n.t('Ctrl+C cancels with exit code 130 and "cancelled" on stderr: the AWS calls in flight are aborted; --write-config is not started (or finishes its atomic write).'),
    l10n.t('IAM (read-only): sagemaker:ListEndpoints, DescribeEndpoint, DescribeEndpointConfig, DescribeModel, ListInferenceComponents,'),
    l10n.t('DescribeInferenceComponent, ListTags, ListHubContents, DescribeHubContent.'),
    l10n.t('Exit codes: 0 done, 1 problems with the endpoints the workspace names (--exit-zero: 0), 2 usage, credential, permission or network error.'),
    '',
  ].join('\n');
}
