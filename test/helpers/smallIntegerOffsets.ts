// Child process of test/unit/smallIntegerOffsets.test.ts (run with --allow-natives-syntax): fixes a generated
// one-line Bedrock file with the rewrite passes and reports how many offsets are not small integers (V8 Smis): in
// the edits the passes composed and in the nodes of the last pass's tree (moved statement by statement).
import ts from 'typescript';
import { runTransforms } from '../../server/src/engine/fixes/pipeline';
import { TRANSFORMS } from '../../server/src/engine/fixes/registry';
import { normalizeSettings } from '../../server/src/engine/settings';
import { generateMigratableFile } from './migratableFile';

// A function made at run time, so that only this process needs the natives syntax.
const isSmallInteger = new Function('value', 'return %IsSmi(value)') as (value: number) => boolean;

const text = generateMigratableFile(300).replace(/\n/g, ' ');
const input = { text, languageId: 'typescript' as const, settings: normalizeSettings({}), fileName: '/workspace/src/service.ts', workspaceRelativePath: 'src/service.ts' };
const result = runTransforms(input, TRANSFORMS);
const editOffsets = result.edits.flatMap((edit) => [edit.range.start, edit.range.end]);
const tree = result.last?.parsed.sourceFile;
const nodeOffsets: number[] = [];
const visit = (node: ts.Node): void => {
  nodeOffsets.push(node.pos, node.end);
  ts.forEachChild(node, visit);
};
if (tree) visit(tree);
console.log(JSON.stringify({
  edits: result.edits.length,
  reanalysed: result.last !== undefined && result.last.parsed.incremental !== undefined,
  nodes: nodeOffsets.length / 2,
  boxedEditOffsets: editOffsets.filter((offset) => !isSmallInteger(offset)).length,
  boxedNodeOffsets: nodeOffsets.filter((offset) => !isSmallInteger(offset)).length,
}));
