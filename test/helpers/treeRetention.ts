// Child process of test/unit/treeRetention.test.ts (run with --expose-gc): analyses a Bedrock file as the scan does
// (analyzeWithFixability), holds the findings, and reports whether every syntax tree the analysis parsed was collected.
import ts from 'typescript';
import { normalizeSettings } from '../../server/src/engine/settings';
import { analyzeWithFixability } from '../../server/src/engine/fixes/analyzeWithFixability';
import { generateMigratableFile } from './migratableFile';

const trees: Array<WeakRef<object>> = [];
// Every tree the parser makes is an instance of the allocator's source file constructor (read at each parse's start).
const allocator = (ts as unknown as { objectAllocator: { getSourceFileConstructor(): new (...args: unknown[]) => object } }).objectAllocator;
const sourceFileConstructor = allocator.getSourceFileConstructor();
class TrackedSourceFile extends sourceFileConstructor {
  constructor(...args: unknown[]) {
    super(...args);
    trees.push(new WeakRef(this));
  }
}
allocator.getSourceFileConstructor = () => TrackedSourceFile;

function analyseKeepingFindings() {
  const input = { text: generateMigratableFile(200), languageId: 'typescript' as const, settings: normalizeSettings({}), fileName: '/workspace/src/service.ts' };
  return analyzeWithFixability(input, () => ({ workspaceRelativePath: 'src/service.ts' }));
}

async function main(): Promise<void> {
  const result = analyseKeepingFindings();
  // WeakRef targets stay alive until the current job ends; collect after it, twice (a tree may be finalised late).
  await new Promise((resolve) => setImmediate(resolve));
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  const findings = result.findings;
  process.stdout.write(JSON.stringify({
    findings: findings.length,
    fixable: findings.filter((finding) => finding.fixable).length,
    trees: trees.length,
    treesAlive: trees.filter((tree) => tree.deref() !== undefined).length,
  }));
}

void main();
