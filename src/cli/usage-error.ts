/** A mistake in how the command was called: exit code 2, a message, no stack. Apart from usage.ts, which loads the schema. */
export class UsageError extends Error {}
