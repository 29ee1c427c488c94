// A test hook: the engine's work counters over the connection, so protocol tests can check the work the server did
// (e.g. how often it parsed a document from scratch) rather than time it. Only served when the server is started
// with BEDROCK_TO_SAGEMAKER_WORK_COUNTS=1 (the tests do); a client never sees the request otherwise.
import { RequestType0 } from 'vscode-languageserver';
import { snapshotWorkCounters, type WorkCounts } from '../engine/workCounters';

export const WORK_COUNTS_ENV = 'BEDROCK_TO_SAGEMAKER_WORK_COUNTS';

export namespace WorkCountsRequest {
  export const method = 'bedrockToSagemaker/workCounts';
  export const type = new RequestType0<WorkCounts, void>(method);
}

/** Serves the counters when the environment asks for it. */
export function registerWorkCountsRequest(connection: { onRequest(type: typeof WorkCountsRequest.type, handler: () => WorkCounts): unknown }): void {
  if (process.env[WORK_COUNTS_ENV] === '1') connection.onRequest(WorkCountsRequest.type, () => snapshotWorkCounters());
}
