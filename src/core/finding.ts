/** What a check found, and where. Lines and columns are 1-based, in the file as written. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Position {
  ruleId: string;
  message: string;
  /** The right form, or what to do next. */
  hint?: string;
}

export const START_OF_FILE: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 };
