import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { converseStreamOnSageMaker, payloadLines } from '../../server/src/engine/fixes/templates/sagemaker-converse';
import { InvokeEndpointWithResponseStreamCommand } from '@aws-sdk/client-sagemaker-runtime';
import { startSageMakerStandin } from '../helpers/standins/sageMakerStandin';

// A stream that breaks half-way: SageMaker sends a ModelStreamError event. Bedrock code expects the loop to
// throw (Bedrock's modelStreamErrorException); the adapter and payloadLines must throw too, after the events
// that arrived before the error.

function clientFor(url: string): SageMakerRuntimeClient {
  return new SageMakerRuntimeClient({ region: 'cn-northwest-1', endpoint: url, credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'standin-secret' } });
}

describe('a stream that fails half-way', () => {
  it('ConverseStream: the loop throws ModelStreamError after the first events', async () => {
    const standin = await startSageMakerStandin({ broken: { container: 'lmi', partSize: 40, failAfterParts: 8 } });
    try {
      const response = await converseStreamOnSageMaker(clientFor(standin.url), { EndpointName: 'broken', messages: [{ role: 'user', content: [{ text: 'Tell me a long story.' }] }] });
      const seen: string[] = [];
      await assert.rejects((async () => {
        for await (const event of response.stream!) seen.push(Object.keys(event)[0]);
      })(), (error: Error) => error.name === 'ModelStreamError' && /stream broken/.test(error.message));
      assert.equal(seen[0], 'messageStart');
      assert.ok(!seen.includes('messageStop'), 'no messageStop after an error');
    } finally {
      await standin.close();
    }
  });

  it('InvokeModelWithResponseStream rewrite: payloadLines throws ModelStreamError', async () => {
    const standin = await startSageMakerStandin({ broken: { container: 'tgi', partSize: 16, failAfterParts: 2 } });
    try {
      const response = await clientFor(standin.url).send(new InvokeEndpointWithResponseStreamCommand({
        EndpointName: 'broken', ContentType: 'application/json', Body: JSON.stringify({ inputs: 'Hello', parameters: { max_new_tokens: 20 }, stream: true }),
      }));
      await assert.rejects((async () => {
        for await (const line of payloadLines(response.Body)) void line;
      })(), (error: Error) => error.name === 'ModelStreamError');
    } finally {
      await standin.close();
    }
  });
});
