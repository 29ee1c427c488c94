// Issue #10, "a migrated project installs, type-checks and runs": every fixture project under test/projects/ is
// copied to a temp dir, run against the Bedrock stand-in, type-checked, migrated with the built CLI
// (`scan . --fix --config <cfg> --format json`), then held to what a user expects of the migrated project. Each
// project × assertion is its own subtest. See test/projects/README.md.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { placeholderEndpointName } from '../../server/src/engine/catalog/endpointChoice';
import { buildCli, removeSnapshot } from '../cli/support/cliBuild';
import { type BedrockStandin, startBedrockStandin } from '../helpers/standins/bedrockStandin';
import { type RecordedRequest, type SageMakerEndpointBehaviour, type SageMakerStandin, startSageMakerStandin } from '../helpers/standins/sageMakerStandin';
import {
  BEDROCK_SDK, type CliResult, type ProgramResult, type ProgramSpec, type ProjectSpec, REPLACED_PACKAGES, RUNTIME_SECTIONS, SAGEMAKER_SDK, type PackageJson,
  type TscResult, type Tree, type TreeChanges, cleanStderr, compareTrees, copyProject, describeChanges, isSource, isUnchanged, lineDiff, linkMonorepoPackages,
  moduleSpecifiers, newDiagnostics, packageOf, readConfig, removeScratch, resolveRelative, runCliAsync, runProjectProgram, sectionsListing,
  snapshot, stopTypeCheckWorker, typeCheck, writeTgiConfig,
} from './support/harness';

// ===============================================================================================================
// KNOWN FAILURES. project → subtest name → what was observed. A listed subtest still runs, as a node:test `todo`
// (its failure does not fail the suite; when it starts passing the runner prints "todo passes now: remove it").
// Delete an entry as soon as the product fixes it.
// ===============================================================================================================
const TODO: Record<string, Record<string, string>> = {};

// ===============================================================================================================
// The projects
// ===============================================================================================================
const tsx = (path: string, cwd?: string): ProgramSpec => ({ path, runner: 'tsx', ...(cwd ? { cwd } : {}) });
const node = (path: string): ProgramSpec => ({ path, runner: 'node' });

/** The layout the two monorepo projects share: npm workspaces, packages/app runs and uses packages/llm by its name. */
const MONOREPO_LAYOUT = {
  config: 'bedrock-to-sagemaker.config.json',
  tsconfig: 'tsconfig.json',
  packages: ['.', 'packages/llm', 'packages/app'],
  programs: [tsx('packages/app/src/main.ts', 'packages/app')],
  link: linkMonorepoPackages,
} satisfies Omit<ProjectSpec, 'name' | 'covers'>;

const ALL_PROJECTS: ProjectSpec[] = [
  {
    name: 'esm-js',
    covers: '"type": "module" JavaScript in src/ subfolders (Converse, ConverseStream, InvokeModel and its stream on Llama and on Mistral), checked with checkJs under nodenext',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'tsconfig.json',
    packages: ['.'],
    programs: ['src/chat/converse.js', 'src/chat/converse-stream.js', 'src/completions/llama-invoke.js', 'src/completions/llama-stream.js',
      'src/completions/mistral-invoke.js'].map(node),
    // Reads Mistral's stop_reason from each stream chunk: the container's stream has no counterpart, so the call is left as it is.
    leftAlone: [node('src/completions/mistral-stream.js')],
    tgi: true,
  },
  {
    name: 'cjs-js',
    covers: 'CommonJS JavaScript (destructured and namespace require), Llama 3.1 with an inference component, a `mistral.*` mapping, checkJs via jsconfig.json',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'jsconfig.json',
    packages: ['.'],
    programs: ['src/chat/converse.js', 'src/chat/converse-stream.js', 'src/completions/llama-invoke.js', 'src/completions/llama-stream.js',
      'src/completions/mistral-invoke.js'].map(node),
    tgi: true,
  },
  {
    name: 'ts-nodenext',
    covers: 'TypeScript, module/moduleResolution nodenext, "type": "module", verbatimModuleSyntax, relative imports with .js',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'tsconfig.json',
    packages: ['.'],
    programs: ['src/converse.ts', 'src/stream.ts'].map((path) => tsx(path)),
    // Casts the parsed body to its own LlamaResponse interface: renamed reads would not match it, so the call is left as it is.
    leftAlone: [tsx('src/invoke.ts')],
    tgi: true,
  },
  {
    name: 'ts-bundler',
    covers: 'TypeScript, moduleResolution bundler, extensionless relative imports, Bedrock calls in services/ used by scripts/, a geo-prefixed Llama id, DeepSeek-R1 InvokeModel',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'tsconfig.json',
    packages: ['.'],
    programs: ['src/scripts/ask.ts', 'src/scripts/stream.ts', 'src/scripts/solve.ts'].map((path) => tsx(path)),
  },
  {
    name: 'ts-ts-extensions',
    covers: 'TypeScript with allowImportingTsExtensions + noEmit (nodenext), relative imports ending in .ts, a `meta.*` mapping, a body limit read from another module',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'tsconfig.json',
    packages: ['.'],
    programs: ['src/main.ts', 'src/stream.ts'].map((path) => tsx(path)),
  },
  {
    name: 'monorepo',
    covers: 'npm workspaces: packages/llm (depends on the Bedrock SDK, Converse + InvokeModel) used by packages/app through its package name',
    ...MONOREPO_LAYOUT,
  },
  {
    name: 'monorepo-hoisted',
    covers: 'npm workspaces whose root lists the Bedrock SDK that packages/llm uses (packages/llm lists none): the root package.json is the one migrated',
    // The monorepo's code (overlay.json); only the two package.json files differ.
    ...MONOREPO_LAYOUT,
  },
  {
    name: 'ts-library',
    covers: 'a TS library whose API is typed with Bedrock types across files (type re-exports, createClient(): BedrockRuntimeClient, helpers on ContentBlock/ToolResultContentBlock, a Chat class using Converse) and an example using it',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'tsconfig.json',
    packages: ['.'],
    programs: [tsx('examples/ask.ts')],
  },
  {
    name: 'ai-sdk',
    covers: 'Vercel AI SDK (ai 6, @ai-sdk/amazon-bedrock 4): generateText, streamText and a tool call through createAmazonBedrock providers, TypeScript nodenext; an inference component',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'tsconfig.json',
    packages: ['.'],
    programs: ['src/text.ts', 'src/stream.ts', 'src/tool.ts'].map((path) => tsx(path)),
    tgi: true,
  },
  {
    name: 'ai-sdk-cjs',
    covers: 'Vercel AI SDK from CommonJS JavaScript (aliased require of createAmazonBedrock), checkJs via jsconfig.json: the provider module is written as .js with its .d.ts',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'jsconfig.json',
    packages: ['.'],
    programs: [node('src/ask.js')],
    tgi: true,
  },
  {
    name: 'langchain',
    covers: 'LangChain.js ChatBedrockConverse built in a shared module and inline (invoke with a system message, stream with usage, bindTools with a tool round trip), nodenext + verbatimModuleSyntax, an inference component; @langchain/core only transitively present',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'tsconfig.json',
    packages: ['.'],
    programs: ['src/invoke.ts', 'src/stream.ts', 'src/tools.ts'].map((path) => tsx(path)),
    tgi: true,
    wrapper: { name: '@langchain/aws', needs: ['@langchain/core', SAGEMAKER_SDK] },
  },
  {
    name: 'mixed-models',
    covers: 'closed-weight InvokeModel programs (Claude, Titan Text) next to an open-weight Llama Converse program in one package',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'tsconfig.json',
    packages: ['.'],
    programs: [tsx('src/llama-chat.ts')],
    closedWeight: [tsx('src/claude-summary.ts'), tsx('src/titan-complete.ts')],
  },
  {
    name: 'table-rows',
    covers: 'one module with a Converse call and an InvokeModel call whose model ids are only known at run time, some unmapped: the lookup table gets a row for each',
    config: 'bedrock-to-sagemaker.config.json',
    tsconfig: 'tsconfig.json',
    packages: ['.'],
    programs: [tsx('src/main.ts')],
    unmappedModelIds: ['meta.llama3-1-70b-instruct-v1:0', 'meta.llama3-70b-instruct-v1:0'],
  },
];

/** `PROJECTS_ONLY=esm-js,monorepo` runs some projects only. */
const ONLY = process.env.PROJECTS_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
const PROJECTS = ONLY ? ALL_PROJECTS.filter((spec) => ONLY.includes(spec.name)) : ALL_PROJECTS;

// ===============================================================================================================
// Pipeline: everything each project's subtests look at, computed once (projects run concurrently, child
// processes go through the harness's small concurrency limit).
// ===============================================================================================================
interface Outcome {
  root: string;
  before: Tree;
  baseline: Map<string, ProgramResult>;
  tscBefore: TscResult;
  fix: CliResult;
  afterFix: Tree;
  changes: TreeChanges;
  tscAfter: TscResult;
  lmi: Map<string, ProgramResult>;
  closedAfter: Map<string, ProgramResult>;
  second: CliResult;
  afterSecond: Tree;
}

interface TgiOutcome {
  fix: CliResult;
  before: Tree;
  afterFix: Tree;
  runs: Map<string, ProgramResult>;
}

let cli: string;
let bedrock: BedrockStandin;
let lmiStandin: SageMakerStandin;
let tgiStandin: SageMakerStandin;
const scratches: string[] = [];
const outcomes = new Map<string, Promise<Outcome>>();
const tgiOutcomes = new Map<string, Promise<TgiOutcome>>();

async function runAll(root: string, programs: readonly ProgramSpec[], endpoint: string): Promise<Map<string, ProgramResult>> {
  const results = await Promise.all(programs.map((program) => runProjectProgram(root, program, endpoint)));
  return new Map(programs.map((program, index) => [program.path, results[index]]));
}

function fixArgs(config: string): string[] {
  return ['scan', '.', '--fix', '--config', config, '--format', 'json'];
}

async function migrate(spec: ProjectSpec): Promise<Outcome> {
  const { root, scratch } = copyProject(spec);
  scratches.push(scratch);
  const before = snapshot(root);
  const closed = [...(spec.closedWeight ?? []), ...(spec.leftAlone ?? [])];
  const [baseline, tscBefore] = await Promise.all([runAll(root, [...spec.programs, ...closed], bedrock.url), typeCheck(root, spec.tsconfig)]);
  const fix = await runCliAsync(cli, root, fixArgs(spec.config));
  const afterFix = snapshot(root);
  const [tscAfter, lmi, closedAfter] = await Promise.all([
    typeCheck(root, spec.tsconfig), runAll(root, spec.programs, lmiStandin.url), runAll(root, closed, bedrock.url),
  ]);
  const second = await runCliAsync(cli, root, fixArgs(spec.config));
  const afterSecond = snapshot(root);
  return { root, before, baseline, tscBefore, fix, afterFix, changes: compareTrees(before, afterFix), tscAfter, lmi, closedAfter, second, afterSecond };
}

async function migrateForTgi(spec: ProjectSpec): Promise<TgiOutcome> {
  const { root, scratch } = copyProject(spec);
  scratches.push(scratch);
  const before = snapshot(root);
  const fix = await runCliAsync(cli, root, fixArgs(writeTgiConfig(spec, scratch)));
  const afterFix = snapshot(root);
  return { fix, before, afterFix, runs: await runAll(root, spec.programs, tgiStandin.url) };
}

before(async () => {
  // PROJECTS_CLI=<bundle> tests another build of the CLI (the default builds this checkout's, like the CLI tests).
  cli = process.env.PROJECTS_CLI ?? buildCli();
  const names = new Set(PROJECTS.flatMap((spec) => [
    ...Object.values(readConfig(spec).endpoints).map((target) => target.endpointName),
    ...(spec.unmappedModelIds ?? []).map(placeholderEndpointName),
  ]));
  const endpoints = (container: 'lmi' | 'tgi'): Record<string, SageMakerEndpointBehaviour> =>
    Object.fromEntries([...names].map((name) => [name, { container }]));
  [bedrock, lmiStandin, tgiStandin] = await Promise.all([startBedrockStandin(), startSageMakerStandin(endpoints('lmi')), startSageMakerStandin(endpoints('tgi'))]);
  for (const spec of PROJECTS) {
    const outcome = migrate(spec);
    outcome.catch(() => undefined); // the subtests report it
    outcomes.set(spec.name, outcome);
    if (spec.tgi) {
      const tgi = migrateForTgi(spec);
      tgi.catch(() => undefined);
      tgiOutcomes.set(spec.name, tgi);
    }
  }
});

after(async () => {
  await Promise.allSettled([...outcomes.values(), ...tgiOutcomes.values()]);
  await Promise.all([bedrock?.close(), lmiStandin?.close(), tgiStandin?.close(), stopTypeCheckWorker()]);
  if (!process.env.PROJECTS_CLI) removeSnapshot(cli);
  if (!process.env.PROJECTS_KEEP) for (const scratch of scratches) removeScratch(scratch);
  else console.log(`kept: ${scratches.join(' ')}`);
});

// ===============================================================================================================
// Assertions
// ===============================================================================================================
const registered = new Set<string>();

function check(spec: ProjectSpec, name: string, body: (outcome: Outcome, t: TestContext) => void | Promise<void>): void {
  registered.add(`${spec.name}\u0000${name}`);
  const todo = TODO[spec.name]?.[name];
  it(name, todo ? { todo } : {}, async (t) => {
    await body(await outcomes.get(spec.name)!, t);
    if (todo) t.diagnostic(`todo passes now: remove TODO['${spec.name}']['${name}']`);
  });
}

function json(outcome: { fix: CliResult }): NonNullable<CliResult['json']> {
  assert.ok(outcome.fix.json, `scan --fix printed no JSON (exit ${outcome.fix.code}): ${outcome.fix.jsonError}\nstderr:\n${outcome.fix.stderr}`);
  return outcome.fix.json;
}

function describeRun(result: ProgramResult | undefined): string {
  if (!result) return '(not run)';
  return `exit ${result.code}${result.signal ? ` (${result.signal})` : ''}\n--- stdout ---\n${result.stdout}--- stderr ---\n${cleanStderr(result.stderr)}`;
}

function assertSameBehaviour(program: ProgramSpec, original: ProgramResult | undefined, migrated: ProgramResult | undefined, before: Tree, afterFix: Tree): void {
  assert.ok(original && original.code === 0, `the original program failed on the Bedrock stand-in: ${describeRun(original)}`);
  const source = afterFix.get(program.path)?.toString('utf8') ?? '';
  const change = before.get(program.path)?.equals(afterFix.get(program.path) ?? Buffer.alloc(0))
    ? '(the migration left this file unchanged)'
    : lineDiff(before.get(program.path)?.toString('utf8') ?? '', source);
  const context = `\n--- expected stdout (original on Bedrock) ---\n${original.stdout}--- migrated run: ${describeRun(migrated)}\n--- what the migration changed in ${program.path} ---\n${change}`;
  assert.ok(migrated && migrated.code === 0, `the migrated program failed${context}`);
  assert.equal(migrated.stdout, original.stdout, `the migrated program prints something else${context}`);
}

/** What the project's migrated programs sent to a SageMaker stand-in (each project has its own endpoint names). */
function requestsOf(spec: ProjectSpec, standin: SageMakerStandin, outcome: Outcome): { region: string; requests: RecordedRequest[] } {
  const config = readConfig(spec);
  const names = new Set(Object.values(config.endpoints).map((target) => target.endpointName));
  const requests = standin.requests.filter((request) => names.has(request.endpointName));
  assert.ok(requests.length > 0, `no request reached the stand-in's endpoints ${[...names].join(', ')}; the migrated runs:\n${[...outcome.lmi]
    .map(([path, result]) => `${path}: ${describeRun(result)}`).join('\n')}`);
  return { region: typeof config.targetRegion === 'string' ? config.targetRegion : 'cn-northwest-1', requests };
}

/** The region of the SigV4 credential scope (`Credential=AKID/20261206/cn-northwest-1/sagemaker/aws4_request`). */
function signingRegion(request: RecordedRequest): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(request.headers.authorization ?? ''))?.[1];
}

function manifestOf(pkg: string): string {
  return pkg === '.' ? 'package.json' : `${pkg}/package.json`;
}

function parseManifest(tree: Tree, pkg: string): PackageJson | null {
  return JSON.parse(tree.get(manifestOf(pkg))?.toString('utf8') ?? 'null') as PackageJson | null;
}

/** The nearest of the project's packages enclosing `path` whose package.json in `tree` lists `name` (where Node finds it). */
function providerOf(spec: ProjectSpec, tree: Tree, path: string, name: string): string | undefined {
  const enclosing = spec.packages.filter((pkg) => pkg === '.' || path.startsWith(`${pkg}/`)).sort((a, b) => b.length - a.length);
  return enclosing.find((pkg) => {
    const manifest = parseManifest(tree, pkg);
    return manifest !== null && sectionsListing(manifest, name).length > 0;
  });
}

function importsOf(tree: Tree, path: string): string[] {
  return moduleSpecifiers(tree.get(path)!.toString('utf8'));
}

for (const spec of PROJECTS) {
  describe(spec.name, { timeout: 240_000 }, () => {
    check(spec, 'fixture: programs run on Bedrock and type-check cleanly', (outcome) => {
      for (const [path, result] of outcome.baseline) {
        assert.ok(result.code === 0 && result.stdout.trim() !== '', `${path} on the Bedrock stand-in: ${describeRun(result)}`);
      }
      assert.deepEqual(outcome.tscBefore.diagnostics.map((diagnostic) => diagnostic.text), [], `the fixture does not type-check:\n${outcome.tscBefore.output}`);
    });

    check(spec, 'scan --fix exits 0 or 1 and prints one JSON document', (outcome) => {
      assert.ok(outcome.fix.code === 0 || outcome.fix.code === 1, `exit ${outcome.fix.code}\nstderr:\n${outcome.fix.stderr}`);
      json(outcome);
      assert.ok(!isUnchanged(outcome.changes), `scan --fix changed nothing\nstderr:\n${outcome.fix.stderr}`);
    });

    for (const pkg of spec.packages) {
      check(spec, `package.json (${pkg})`, (outcome) => {
        const manifest = manifestOf(pkg);
        const pkgBefore = parseManifest(outcome.before, pkg);
        const pkgAfter = parseManifest(outcome.afterFix, pkg);
        assert.ok(pkgBefore, `fixture has no ${manifest}`);
        assert.ok(pkgAfter, `${manifest} is gone or no longer JSON:\n${outcome.afterFix.get(manifest)?.toString('utf8')}`);
        const sources = [...outcome.afterFix.keys()].filter(isSource);
        const own = sources.filter((path) => packageOf(spec, path) === pkg);
        const touched = new Set([...outcome.changes.created, ...outcome.changes.modified]);
        // Node finds a package in the nearest enclosing package that lists it (a monorepo's root may list what its packages use).
        const providedHere = (path: string, name: string, tree: Tree) => (providerOf(spec, tree, path, name) ?? packageOf(spec, path)) === pkg;
        const migrated = sources.filter((path) => touched.has(path) && importsOf(outcome.afterFix, path).includes(SAGEMAKER_SDK) && providedHere(path, SAGEMAKER_SDK, outcome.afterFix));
        const problems: string[] = [];
        const replacedBefore = REPLACED_PACKAGES.flatMap((name) => sectionsListing(pkgBefore, name));
        const sageMakerAfter = sectionsListing(pkgAfter, SAGEMAKER_SDK);
        if (migrated.length > 0) {
          const devOnly = replacedBefore.length > 0 && replacedBefore.every((section) => section === 'devDependencies');
          const acceptable = devOnly ? sageMakerAfter : sectionsListing(pkgAfter, SAGEMAKER_SDK, RUNTIME_SECTIONS);
          if (acceptable.length === 0) {
            problems.push(`does not list ${SAGEMAKER_SDK} in ${devOnly ? 'any dependency section' : RUNTIME_SECTIONS.join('/')}`
              + ` (${sageMakerAfter.length ? `only in ${sageMakerAfter.join(', ')}` : 'anywhere'}) although these files import it: ${migrated.join(', ')}`);
          }
        }
        for (const name of REPLACED_PACKAGES) {
          const listedBefore = sectionsListing(pkgBefore, name);
          const listedAfter = sectionsListing(pkgAfter, name);
          const stillImported = sources.filter((path) => importsOf(outcome.afterFix, path).includes(name) && providedHere(path, name, outcome.before));
          if (stillImported.length === 0 && listedAfter.length > 0) {
            problems.push(`still lists ${name} (${listedAfter.join(', ')}) although no file it provides ${name} to imports it any more`);
          }
          if (stillImported.length > 0 && listedBefore.length > 0 && listedAfter.length === 0) {
            problems.push(`dropped ${name} although these files still import it: ${stillImported.join(', ')}`);
          }
        }
        const served = sources.filter((path) => REPLACED_PACKAGES.some((name) => outcome.before.has(path) && importsOf(outcome.before, path).includes(name) && providedHere(path, name, outcome.before)));
        const packageTouched = [...own, ...served].some((path) => touched.has(path));
        if (!packageTouched && !outcome.before.get(manifest)!.equals(outcome.afterFix.get(manifest)!)) {
          problems.push(`changed although no file of the package, nor any it provides Bedrock packages to, changed:\n${lineDiff(outcome.before.get(manifest)!.toString('utf8'), outcome.afterFix.get(manifest)!.toString('utf8'))}`);
        }
        assert.deepEqual(problems, [], `${manifest}:\n${problems.join('\n')}\n--- ${manifest} after the fix ---\n${outcome.afterFix.get(manifest)!.toString('utf8')}`);
      });
    }

    const wrapper = spec.wrapper;
    if (wrapper) {
      check(spec, `package.json: ${wrapper.name} goes once unused, what the migrated code imports is listed`, (outcome) => {
        const pkgAfter = JSON.parse(outcome.afterFix.get('package.json')!.toString('utf8')) as PackageJson;
        const sources = [...outcome.afterFix.keys()].filter(isSource);
        const importers = (name: string) => sources.filter((path) => importsOf(outcome.afterFix, path).some((specifier) => specifier === name || specifier.startsWith(`${name}/`)));
        const problems: string[] = [];
        if (importers(wrapper.name).length === 0 && sectionsListing(pkgAfter, wrapper.name).length > 0) problems.push(`still lists ${wrapper.name} although no file imports it`);
        for (const need of wrapper.needs) {
          const users = importers(need);
          if (users.length > 0 && sectionsListing(pkgAfter, need).length === 0) problems.push(`does not list ${need} although ${users.join(', ')} import it`);
        }
        assert.deepEqual(problems, [], `package.json:\n${problems.join('\n')}\n--- after the fix ---\n${outcome.afterFix.get('package.json')!.toString('utf8')}`);
      });
    }

    check(spec, 'tsc --noEmit has no new error', (outcome) => {
      const added = newDiagnostics(outcome.tscBefore.diagnostics, outcome.tscAfter.diagnostics);
      assert.deepEqual(added.map((diagnostic) => diagnostic.text), [],
        `tsc -p ${spec.tsconfig} after the migration has ${added.length} new diagnostic(s):\n${added.map((diagnostic) => diagnostic.text).join('\n')}`);
    });

    for (const program of spec.programs) {
      check(spec, `lmi: ${program.path}`, (outcome) => {
        assertSameBehaviour(program, outcome.baseline.get(program.path), outcome.lmi.get(program.path), outcome.before, outcome.afterFix);
      });
    }

    check(spec, 'lmi: SageMaker requests are signed for the target region', (outcome) => {
      const { region, requests } = requestsOf(spec, lmiStandin, outcome);
      // A region the code computes is the user's to change; the migration must then leave a TODO finding that says so.
      const regionTodoLeft = json(outcome).findings.some((finding) => finding.ruleId === 'bedrock/migration-todo' && /region comes from/.test(finding.message));
      const wrong = regionTodoLeft ? [] : requests.filter((request) => signingRegion(request) !== region);
      assert.deepEqual(wrong.map((request) => `${request.endpointName}: ${signingRegion(request) ?? '(unsigned)'}`), [],
        `the migrated clients must call SageMaker Runtime in ${region} (the config's targetRegion); these requests were signed for another region:\n${wrong
          .map((request) => `${request.endpointName}: ${request.headers.authorization}`).join('\n')}`);
    });

    if (Object.values(readConfig(spec).endpoints).some((target) => target.inferenceComponentName)) {
      check(spec, 'lmi: SageMaker requests name the configured inference component', (outcome) => {
        const { requests } = requestsOf(spec, lmiStandin, outcome);
        const components = new Map(Object.values(readConfig(spec).endpoints).map((target) => [target.endpointName, target.inferenceComponentName]));
        const wrong = requests.filter((request) => components.get(request.endpointName) !== request.headers['x-amzn-sagemaker-inference-component']);
        assert.deepEqual(wrong.map((request) => `${request.endpointName}: ${request.headers['x-amzn-sagemaker-inference-component'] ?? '(none)'}`), [],
          `expected X-Amzn-SageMaker-Inference-Component ${JSON.stringify(Object.fromEntries(components))}`);
      });
    }

    if (spec.tgi) {
      for (const program of spec.programs) {
        check(spec, `tgi: ${program.path}`, async (outcome) => {
          const tgi = await tgiOutcomes.get(spec.name)!;
          assert.ok(tgi.fix.code === 0 || tgi.fix.code === 1, `scan --fix with the TGI config: exit ${tgi.fix.code}\n${tgi.fix.stderr}`);
          assertSameBehaviour(program, outcome.baseline.get(program.path), tgi.runs.get(program.path), tgi.before, tgi.afterFix);
        });
      }
    }

    const unmigrated = [...(spec.closedWeight ?? []).map((program) => ({ program, kind: 'closed-weight' })),
      ...(spec.leftAlone ?? []).map((program) => ({ program, kind: 'left alone' }))];
    for (const { program, kind } of unmigrated) {
      check(spec, `${kind}: ${program.path}`, (outcome) => {
        const before = outcome.before.get(program.path)!;
        const after = outcome.afterFix.get(program.path);
        assert.ok(after?.equals(before), `a closed-weight program was changed:\n${lineDiff(before.toString('utf8'), after?.toString('utf8') ?? '(deleted)')}`);
        const reported = json(outcome).findings.filter((finding) => finding.file === program.path);
        assert.ok(reported.length > 0, `${program.path} is no longer reported: the JSON output has no finding on it`);
        assert.ok(reported.every((finding) => !finding.fixable), `findings on a closed-weight program claim to be fixable:\n${reported.filter((finding) => finding.fixable).map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`).join('\n')}`);
        const original = outcome.baseline.get(program.path);
        const again = outcome.closedAfter.get(program.path);
        assert.ok(again && again.code === 0 && again.stdout === original?.stdout,
          `after the migration the closed-weight program no longer runs on Bedrock as before:\nbefore: ${describeRun(original)}\nafter: ${describeRun(again)}`);
      });
    }

    check(spec, 'a second scan --fix changes nothing', (outcome) => {
      const changes = compareTrees(outcome.afterFix, outcome.afterSecond);
      assert.ok(isUnchanged(changes), `the second run changed the tree:\n${describeChanges(outcome.afterFix, outcome.afterSecond, changes)}\nstderr:\n${outcome.second.stderr}`);
    });

    check(spec, 'no file imports both SDKs without a finding saying why', (outcome) => {
      const findings = json(outcome).findings;
      const unexplained = [...outcome.afterFix.keys()].filter((path) => {
        if (!isSource(path)) return false;
        const specifiers = importsOf(outcome.afterFix, path);
        if (!specifiers.includes(BEDROCK_SDK) || !specifiers.includes(SAGEMAKER_SDK)) return false;
        return !findings.some((finding) => finding.file === path && !finding.fixable);
      });
      assert.deepEqual(unexplained, [], `these files import both ${BEDROCK_SDK} and ${SAGEMAKER_SDK} and no manual finding is left on them:\n${unexplained
        .map((path) => `--- ${path} ---\n${outcome.afterFix.get(path)!.toString('utf8')}`).join('\n')}`);
    });

    check(spec, 'no finding left is fixable', (outcome) => {
      const fixable = json(outcome).findings.filter((finding) => finding.fixable);
      assert.deepEqual(fixable.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`), [],
        `fix-all left findings it says it can fix:\n${fixable.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`).join('\n')}`);
    });

    check(spec, 'at most one module of each kind (Converse adapter, AI SDK provider, LangChain chat model) per package', (outcome) => {
      const adapters = outcome.changes.created.filter((path) => isSource(path) && outcome.afterFix.get(path)!.toString('utf8').includes('Written by bedrock-to-sagemaker'));
      const byPackage = new Map<string, string[]>();
      // The module's kind is its file name: sagemaker-converse.*, sagemaker-ai-sdk-provider.*, sagemaker-chat-model.*.
      const keyOf = (path: string) => `${packageOf(spec, path)} (${path.split('/').pop()!.replace(/\..*$/, '')})`;
      for (const path of adapters) byPackage.set(keyOf(path), [...(byPackage.get(keyOf(path)) ?? []), path]);
      const duplicated = [...byPackage].filter(([, paths]) => paths.length > 1);
      assert.deepEqual(duplicated, [], `packages with more than one adapter module: ${duplicated.map(([pkg, paths]) => `${pkg}: ${paths.join(', ')}`).join('; ')}`);
    });

    check(spec, 'relative imports of changed files resolve inside their package', (outcome) => {
      const problems: string[] = [];
      for (const path of [...outcome.changes.created, ...outcome.changes.modified].filter(isSource)) {
        for (const specifier of importsOf(outcome.afterFix, path).filter((candidate) => candidate.startsWith('.'))) {
          const target = resolveRelative(outcome.afterFix, path, specifier);
          if (!target) problems.push(`${path}: '${specifier}' matches no file`);
          else if (packageOf(spec, target) !== packageOf(spec, path)) {
            problems.push(`${path} (package ${packageOf(spec, path)}): '${specifier}' reaches into ${target} (package ${packageOf(spec, target)})`);
          }
        }
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  });
}

it('every TODO entry names a subtest of a project that ran', () => {
  const names = new Set(PROJECTS.map((spec) => spec.name));
  const stale = Object.entries(TODO).flatMap(([project, entries]) => Object.keys(entries)
    .filter((name) => names.has(project) && !registered.has(`${project}\u0000${name}`)).map((name) => `TODO['${project}']['${name}']`));
  assert.deepEqual(stale, [], 'these TODO entries match no subtest (renamed or removed?)');
});
