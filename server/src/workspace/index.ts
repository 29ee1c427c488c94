// The workspace scanner: walks folders, reads files safely and runs the engine on each one. Shared by
// the CLI and (later) the language server's workspace report, so it knows nothing about either.
export { scanWorkspace, type ScanOptions } from './scanWorkspace';
export { walkSourceFiles, DEFAULT_EXCLUDED_FOLDER_NAMES, type WalkOptions } from './walkSourceFiles';
export { readSourceFile, DEFAULT_MAX_FILE_SIZE_BYTES, type ReadOptions } from './readSourceFile';
export { languageIdForPath, isSourceFileName, SOURCE_FILE_EXTENSIONS, SOURCE_FILE_NAMES } from './languages';
export { Limiter } from './limiter';
export { mapInOrder } from './mapInOrder';
export { toRelativePath } from './relativePath';
export type * from './types';
