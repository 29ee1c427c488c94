// The real-world benchmark workspace (issue #13): the project's own dependencies as `npm ci` lays them out from the
// committed package-lock.json (real JS/TS/Markdown, the Bedrock SDK's README and sources among them), plus a
// generated Bedrock-heavy app folder. Rebuilt offline from the installed node_modules into a cache folder outside
// the repository (never committed); rebuilt only when the lockfile or this recipe changes.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../server/src/workspace/readSourceFile';
import { isSourceFileName } from '../server/src/workspace/languages';
import { DEFAULT_EXCLUDED_FOLDER_NAMES } from '../server/src/workspace/walkSourceFiles';
import { generateWorkspace } from './generate';

const REPO = join(__dirname, '..');
/** Bump when the recipe below changes, so cached copies are rebuilt. */
const RECIPE = 'real-world-v1';
/** What `node_modules` folders are called in the copy: the scanner skips `node_modules`, this name it enters. */
const RENAMED_DEPENDENCY_FOLDER = 'node-modules';
/** The generated part: a small app whose files use Bedrock, next to the dependencies. */
const GENERATED = { folder: 'app', files: 1000, bedrockShare: 0.1 };
/** A root .gitignore as real projects have one, so the scan's ignore checks run on every path as they would. */
const ROOT_GITIGNORE = ['*.log', '.env', '.env.*', 'coverage/', 'tmp/', '*.tsbuildinfo', ''].join('\n');

export interface RealWorldWorkspace {
  root: string;
  files: number;
  bytes: number;
}

/**
 * The workspace's folder, built if missing. `BENCH_REAL_WORLD_DIR` chooses the cache folder (default: the system
 * temporary folder). Only files the scanner reads are copied (its source names, at most its default size limit,
 * not in folders it skips), so "read every file" reads exactly what the scan reads.
 */
export function realWorldWorkspace(): RealWorldWorkspace {
  const lockfile = readFileSync(join(REPO, 'package-lock.json'));
  const key = createHash('sha256').update(RECIPE).update(lockfile).digest('hex').slice(0, 12);
  const cache = process.env.BENCH_REAL_WORLD_DIR ?? join(tmpdir(), 'bedrock-to-sagemaker-bench');
  const root = join(cache, `real-world-${key}`);
  const manifest = `${root}.json`;
  if (existsSync(manifest) && existsSync(root)) return JSON.parse(readFileSync(manifest, 'utf8')) as RealWorldWorkspace;
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  const copied = { files: 0, bytes: 0 };
  for (const packageFolder of lockedPackageFolders(JSON.parse(lockfile.toString('utf8')))) {
    const source = join(REPO, packageFolder);
    if (!existsSync(source)) continue; // an optional package for another platform: `npm ci` skips it too
    copySourceFiles(source, join(building, renamed(packageFolder)), copied);
  }
  generateWorkspace(join(building, GENERATED.folder), GENERATED.files, GENERATED.bedrockShare);
  copied.files += GENERATED.files;
  writeFileSync(join(building, '.gitignore'), ROOT_GITIGNORE);
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  const workspace: RealWorldWorkspace = { root, ...copied };
  writeFileSync(manifest, JSON.stringify(workspace));
  return workspace;
}

/** Every installed package folder the lockfile lists (`node_modules/a`, `node_modules/a/node_modules/b`...). */
function lockedPackageFolders(lock: { packages: Record<string, { link?: boolean }> }): string[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.link)
    .map(([path]) => path)
    .sort();
}

function renamed(packageFolder: string): string {
  return packageFolder.split('/').map((part) => (part === 'node_modules' ? RENAMED_DEPENDENCY_FOLDER : part)).join('/');
}

/** Copies one package's scannable files; its own nested node_modules are lockfile entries of their own. */
function copySourceFiles(source: string, target: string, copied: { files: number; bytes: number }): void {
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = join(source, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || DEFAULT_EXCLUDED_FOLDER_NAMES.has(entry.name)) continue;
      copySourceFiles(from, join(target, entry.name), copied);
    } else if (entry.isFile() && isSourceFileName(entry.name)) {
      const size = lstatSync(from).size;
      if (size > DEFAULT_MAX_FILE_SIZE_BYTES) continue;
      const to = join(target, entry.name);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
      copied.files++;
      copied.bytes += size;
    }
  }
}
