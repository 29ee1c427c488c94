import { type ErrorLog, logError } from './errors';

/**
 * Keeps the server alive through a stray exception (a bug in one handler must not take diagnostics away
 * from every open file); the error goes to the output channel instead. Exiting on purpose is unaffected.
 */
export function installProcessGuards(log: ErrorLog): void {
  process.on('uncaughtException', (error) => logError(log, 'an uncaught exception', error));
  process.on('unhandledRejection', (reason) => logError(log, 'an unhandled promise', reason));
}
