import type { Connection, WorkDoneProgressParams } from 'vscode-languageserver/node';
import { ReportCache } from '../report/io';
import { CONFIG_SECTION } from '../../../shared/protocol';
import { GenerateReportRequest, MigrateWorkspaceRequest } from '../../../shared/reportProtocol';
import type { DocumentStore } from './documentStore';
import { type ErrorLog, reported } from './errors';
import { createMigrateWorkspaceHandler } from './reportMigrate';
import { createGenerateReportHandler } from './reportRequest';
import type { Session } from './session';

export interface ReportHandlerDependencies {
  documents: DocumentStore;
  log: ErrorLog;
  session(): Session;
}

/** Wires the workspace report and Migrate Workspace requests; one result cache for the server's lifetime. */
export function registerReportHandlers(connection: Connection, deps: ReportHandlerDependencies): void {
  const cache = new ReportCache();
  const configuration = (scopeUri: string): Promise<unknown> =>
    (deps.session().configuration ? connection.workspace.getConfiguration({ scopeUri, section: CONFIG_SECTION }) : Promise.resolve(undefined));
  const workDone = (params: WorkDoneProgressParams) => connection.window.attachWorkDoneProgress(params.workDoneToken);
  const generate = createGenerateReportHandler({ configuration, cache, log: deps.log, workDone });
  const migrate = createMigrateWorkspaceHandler({ configuration, documents: deps.documents, session: deps.session, workDone });
  connection.onRequest(GenerateReportRequest.type, (params, token) => reported(deps.log, 'Generating the report', () => generate(params, token)));
  connection.onRequest(MigrateWorkspaceRequest.type, (params, token) => reported(deps.log, 'Preparing the workspace migration', () => migrate(params, token)));
}
