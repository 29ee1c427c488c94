/** The marker of every TODO the fixes write into code: it stays reported (bedrock/migration-todo) until a person removes it. */
export const MIGRATION_TODO = 'TODO(bedrock-to-sagemaker)';
