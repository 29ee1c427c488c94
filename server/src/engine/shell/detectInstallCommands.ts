import * as l10n from '@vscode/l10n';
import { bedrockDependency } from '../catalog/bedrockDependency';
import { SAGEMAKER_RUNTIME_PACKAGE } from '../catalog/packages';
import type { FindingDraft } from '../finding';
import { ruleMeta, withoutNonePrefix } from '../rules';
import type { EngineSettings } from '../types';
import type { EmbeddedContext } from '../embeddedContext';
import { type SimpleCommand, valueRange } from './splitCommands';
import type { ShellWord } from './tokenizeShell';
import { servingRules } from '../servesRules';

interface Installer {
  ecosystem: 'npm' | 'python';
  /** Subcommands that add packages. */
  subcommands: ReadonlySet<string>;
  /** Options whose value is the next word, not a package (`pnpm add -w x` has none: `-w` is a switch there). */
  optionsWithValue: ReadonlySet<string>;
}

const PIP_VALUES = ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--platform', '--python-version', '--upgrade-strategy'];

// `npm install`, `yarn add`, `pnpm add`, `bun add`, `pip install`, `uv add`, `poetry add`, `pipenv install`.
const INSTALLERS: Readonly<Record<string, Installer>> = {
  npm: {
    ecosystem: 'npm',
    subcommands: new Set(['install', 'i', 'add', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall']),
    optionsWithValue: new Set(['-w', '--workspace', '--prefix', '--registry', '--cache', '--userconfig']),
  },
  pnpm: {
    ecosystem: 'npm', subcommands: new Set(['add', 'install', 'i']),
    optionsWithValue: new Set(['--filter', '-F', '-C', '--dir', '--registry', '--store-dir']),
  },
  yarn: { ecosystem: 'npm', subcommands: new Set(['add']), optionsWithValue: new Set(['--cwd', '--registry']) },
  bun: { ecosystem: 'npm', subcommands: new Set(['add', 'install', 'i']), optionsWithValue: new Set(['--cwd', '--registry']) },
  pip: { ecosystem: 'python', subcommands: new Set(['install']), optionsWithValue: new Set(PIP_VALUES) },
  pip3: { ecosystem: 'python', subcommands: new Set(['install']), optionsWithValue: new Set(PIP_VALUES) },
  uv: {
    ecosystem: 'python', subcommands: new Set(['add']),
    optionsWithValue: new Set([...PIP_VALUES, '-p', '--python', '--group', '--extra', '--index', '--directory', '--package']),
  },
  poetry: {
    ecosystem: 'python', subcommands: new Set(['add']),
    optionsWithValue: new Set(['-G', '--group', '-E', '--extras', '--source', '-C', '--directory', '-P', '--project']),
  },
  pipenv: { ecosystem: 'python', subcommands: new Set(['install']), optionsWithValue: new Set(['-r', '--requirements', '-i', '--index', '--python']) },
};

/**
 * Python packages that exist to reach Bedrock, with the alternative to install instead. `langchain-aws` also holds
 * SagemakerEndpoint, but it is installed for its Bedrock classes (`langchain-aws[...]` alone reaches nothing else).
 */
const PYTHON_PACKAGES: Readonly<Record<string, () => string>> = {
  'langchain-aws': () => ruleMeta('bedrock/langchain').equivalent(),
  'aws-sdk-bedrock-runtime': () => 'aioboto3 (aioboto3.Session().client("sagemaker-runtime"))',
  'llama-index-llms-bedrock': () => 'llama-index-llms-sagemaker-endpoint',
  'llama-index-llms-bedrock-converse': () => 'llama-index-llms-sagemaker-endpoint',
  'llama-index-embeddings-bedrock': () => 'llama-index-embeddings-sagemaker-endpoint',
  'llama-index-retrievers-bedrock': () => ruleMeta('bedrock/knowledge-base').equivalent(),
};

/**
 * `npm i @ai-sdk/amazon-bedrock`, `pip install langchain-aws`...: one `bedrock/dependency` finding per Bedrock package
 * an install command adds, the same rule as the package.json entry the command writes. Returns the reported ranges.
 */
export const detectInstallCommands = servingRules(['bedrock/dependency'], function detectInstallCommands(command: SimpleCommand, context: EmbeddedContext): Array<{ start: number; end: number }> {
  const packages = installedPackages(command);
  if (!packages) return [];
  const reported: Array<{ start: number; end: number }> = [];
  for (const { word, name, ecosystem } of packages) {
    const draft = ecosystem === 'npm' ? npmDraft(name, context.settings) : pythonDraft(name, context.settings);
    if (!draft) continue;
    // The package name only, without a version or extras (`langchain-aws>=0.2` → `langchain-aws`).
    const whole = valueRange(word);
    const nameEnd = word.offsets[name.length - 1];
    const range = nameEnd === undefined ? whole : { start: whole.start, end: nameEnd + 1 };
    reported.push(range);
    context.report({ ...draft, range });
  }
  return reported;
});

interface InstalledPackage {
  word: ShellWord;
  name: string;
  ecosystem: 'npm' | 'python';
}

function installedPackages(command: SimpleCommand): InstalledPackage[] | undefined {
  let words = command.words;
  const tool = () => words[0]?.value.replace(/^.*[\\/]/, '').replace(/\.(?:exe|cmd)$/i, '').toLowerCase() ?? '';
  // `python -m pip install ...`, `python3 -m pip ...`, `uv pip install ...`.
  if (/^python(?:3(?:\.\d+)?)?$/.test(tool()) && words[1]?.value === '-m') words = words.slice(2);
  if (tool() === 'uv' && words[1]?.value === 'pip') words = words.slice(1);
  const installer = Object.hasOwn(INSTALLERS, tool()) ? INSTALLERS[tool()] : undefined;
  if (!installer) return undefined;
  // The subcommand is the first word that is not an option (`yarn --cwd app add x`).
  let index = 1;
  while (index < words.length && words[index].value.startsWith('-')) index += installer.optionsWithValue.has(words[index].value) ? 2 : 1;
  if (!installer.subcommands.has(words[index]?.value ?? '')) return undefined;
  const result: InstalledPackage[] = [];
  for (let i = index + 1; i < words.length; i++) {
    const value = words[i].value;
    if (value.startsWith('-')) {
      if (installer.optionsWithValue.has(value)) i++;
      continue;
    }
    const packageName = installer.ecosystem === 'npm' ? npmName(value) : pythonName(value);
    if (packageName) result.push({ word: words[i], name: packageName, ecosystem: installer.ecosystem });
  }
  return result;
}

/** `@ai-sdk/amazon-bedrock@^1.2` → `@ai-sdk/amazon-bedrock`; `npm:` aliases, paths, URLs and tarballs → undefined. */
function npmName(spec: string): string | undefined {
  if (/^(?:[./~]|\w+:)/.test(spec) || spec.endsWith('.tgz')) return undefined;
  const at = spec.indexOf('@', 1);
  return at < 0 ? spec : spec.slice(0, at);
}

/** `langchain-aws[tools]>=0.2` → `langchain-aws` (PEP 503 normalised: lower case, `_`/`.` as `-`). */
function pythonName(spec: string): string | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec);
  if (!match || /^(?:[./~]|\w+:\/\/)/.test(spec) || /\.(?:whl|tar\.gz|zip)$/.test(spec)) return undefined;
  return match[1].toLowerCase().replace(/[._]+/g, '-');
}

function npmDraft(name: string, settings: EngineSettings): Omit<FindingDraft, 'range'> | undefined {
  const dependency = bedrockDependency(name);
  if (!dependency) return undefined;
  const region = settings.targetRegion;
  if (dependency.kind === 'wrapper' || dependency.service !== 'runtime') {
    const alternative = ruleMeta(dependency.rule).equivalent();
    return {
      ruleId: 'bedrock/dependency', category: dependency.kind === 'wrapper' ? 'manual' : 'no-equivalent', equivalent: alternative,
      message: dependency.kind === 'wrapper'
        ? l10n.t("'{0}' reaches Amazon Bedrock, which is not available in {1}. Alternative: {2}.", name, region, withoutNonePrefix(alternative))
        : l10n.t("'{0}' is an Amazon Bedrock service that does not exist in {1}. Alternative: {2}.", name, region, withoutNonePrefix(alternative)),
      data: dependency.kind === 'wrapper' ? { module: name, kind: 'install', library: dependency.library } : { module: name, kind: 'install', service: dependency.service },
    };
  }
  return {
    ruleId: 'bedrock/dependency', category: 'has-equivalent', equivalent: SAGEMAKER_RUNTIME_PACKAGE,
    message: l10n.t("'{0}' calls Amazon Bedrock, which is not available in {1}. Add '{2}' for the migrated code, and remove '{0}' once no file imports it.", name, region, SAGEMAKER_RUNTIME_PACKAGE),
    data: { module: name, kind: 'install', service: dependency.service },
  };
}

function pythonDraft(name: string, settings: EngineSettings): Omit<FindingDraft, 'range'> | undefined {
  const alternative = Object.hasOwn(PYTHON_PACKAGES, name) ? PYTHON_PACKAGES[name]() : undefined;
  if (!alternative) return undefined;
  return {
    ruleId: 'bedrock/dependency', category: 'manual', equivalent: alternative,
    message: l10n.t("'{0}' reaches Amazon Bedrock, which is not available in {1}. Alternative: {2}.", name, settings.targetRegion, withoutNonePrefix(alternative)),
    data: { module: name, kind: 'install', ecosystem: 'python', library: name.startsWith('langchain') ? 'langchain' : name.startsWith('llama-index') ? 'llamaindex' : undefined },
  };
}
