import type { Connection, WorkDoneProgressParams } from 'vscode-languageserver/node';
import { ReportCache, WatchedFileLists } from '../report/io';
import { CONFIG_SECTION } from '../../../shared/protocol';
import { GenerateReportRequest, MigrateWorkspaceRequest } from '../../../shared/reportProtocol';
import { DiscoverEndpointsRequest } from '../../../shared/endpointsProtocol';
import { loadDiscovery } from '../endpoints/loadDiscovery';
import { createDiscoverEndpointsHandler } from './discoverEndpointsRequest';
import type { JumpStartCheck } from '../report/types';
import type { DocumentStore } from './documentStore';
import { type ErrorLog, reported } from './errors';
import { createMigrateWorkspaceHandler } from './reportMigrate';
import { ReportFileEvents } from './reportFileEvents';
import { createGenerateReportHandler } from './reportRequest';
import type { Session } from './session';
import type { EndpointInventory } from '../engine/endpoints/endpointValidation';

export interface ReportHandlerDependencies {
  documents: DocumentStore;
  log: ErrorLog;
  session(): Session;
  /** The endpoints a connect found, for the validation diagnostics of this session. */
  endpointsDiscovered?(inventory: EndpointInventory): void;
}

/**
 * Wires the workspace report, Migrate Workspace and endpoint discovery requests; one result cache for the server's
 * lifetime, shared by the three scans, kept current by the file events it returns the handler of.
 */
export function registerReportHandlers(connection: Connection, deps: ReportHandlerDependencies): ReportFileEvents {
  const cache = new ReportCache();
  const fileLists = new WatchedFileLists();
  const fileEvents = new ReportFileEvents(cache, fileLists, deps.log);
  // What the user's last explicit connect learnt about JumpStart; the report reuses it, it never calls AWS itself.
  let jumpStart: JumpStartCheck | undefined;
  const configuration = (scopeUri: string): Promise<unknown> =>
    (deps.session().configuration ? connection.workspace.getConfiguration({ scopeUri, section: CONFIG_SECTION }) : Promise.resolve(undefined));
  const workDone = (params: WorkDoneProgressParams) => connection.window.attachWorkDoneProgress(params.workDoneToken);
  const generate = createGenerateReportHandler({ configuration, cache, fileLists, log: deps.log, workDone, jumpStart: () => jumpStart });
  const migrate = createMigrateWorkspaceHandler({ configuration, documents: deps.documents, session: deps.session, workDone, cache, fileLists });
  connection.onRequest(GenerateReportRequest.type, (params, token) => reported(deps.log, 'Generating the report', () => generate(params, token)));
  connection.onRequest(MigrateWorkspaceRequest.type, (params, token) => reported(deps.log, 'Preparing the workspace migration', () => migrate(params, token)));
  connection.onRequest(DiscoverEndpointsRequest.type, createDiscoverEndpointsHandler({
    configuration, session: deps.session, workDone, discovery: loadDiscovery, cache, fileLists,
    remember: (check) => { jumpStart = check; },
    discovered: deps.endpointsDiscovered,
  }));
  return fileEvents;
}
