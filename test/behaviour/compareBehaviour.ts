// Runs a fixture twice: the original Bedrock program against the Bedrock stand-in, and the program the fixes
// produced (with the files they create) against the SageMaker stand-in.
import assert from 'node:assert/strict';
import { startBedrockStandin } from '../helpers/standins/bedrockStandin';
import { type ProgramResult, runProgram } from '../helpers/standins/runProgram';
import { type RecordedRequest, type SageMakerEndpointBehaviour, startSageMakerStandin } from '../helpers/standins/sageMakerStandin';
import { loadCases, runFixAll } from '../unit/fixes-cases';

export interface Comparison {
  original: ProgramResult;
  rewritten: ProgramResult;
  /** What the rewritten program sent to SageMaker. */
  requests: RecordedRequest[];
}

export async function compareBehaviour(caseName: string, endpoints: Record<string, SageMakerEndpointBehaviour>): Promise<Comparison> {
  const fixture = loadCases().find((candidate) => candidate.name === caseName);
  assert.ok(fixture, `no fixture ${caseName}`);
  const main = fixture.fixInput.workspaceRelativePath!;
  const { proposal, output } = runFixAll(fixture.fixInput);
  assert.ok(proposal, `${caseName}: the fixes changed nothing`);
  const created = Object.fromEntries((proposal.createFiles ?? []).map((file) => [file.path, file.content]));

  const bedrock = await startBedrockStandin();
  const sageMaker = await startSageMakerStandin(endpoints);
  try {
    const original = await runProgram({ [main]: fixture.input }, main, bedrock.url);
    const rewritten = await runProgram({ ...created, [main]: output }, main, sageMaker.url);
    assert.equal(original.code, 0, `original program failed:\n${original.stderr}`);
    assert.equal(rewritten.code, 0, `rewritten program failed:\n${rewritten.stderr}\n--- program ---\n${output}`);
    return { original, rewritten, requests: sageMaker.requests };
  } finally {
    await Promise.all([bedrock.close(), sageMaker.close()]);
  }
}
