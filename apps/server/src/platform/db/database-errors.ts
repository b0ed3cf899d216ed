/** Seconds a client is asked to wait while the database is unreachable. */
export const DATABASE_RETRY_AFTER_S = 5;

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
]);

const unreachableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|the database system is (starting|shutting) up/i;

/** PostgreSQL's answers to input it cannot store or read: a client mistake, not a server failure. */
const badInputCodes = new Set([
  '22021', // character_not_in_repertoire: a NUL byte in text
  '22P02', // invalid_text_representation: a malformed uuid, number or enum
  '22P05', // untranslatable_character
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22003', // numeric_value_out_of_range
]);

/** The error and its causes (drivers and Drizzle wrap the driver's error). */
function* chain(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    yield current;
    current = current.cause as typeof current;
  }
}

/** True when the failure is the database being down or restarting, which a retry will cure. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (const e of chain(error)) {
    if (typeof e.code === 'string' && (unreachableCodes.has(e.code) || e.code.startsWith('08'))) return true;
    // Drizzle's wrapper quotes the query's parameters in its message: only drivers' messages count.
    if (
      typeof e.message === 'string' &&
      !e.message.startsWith('Failed query:') &&
      unreachableMessages.test(e.message)
    )
      return true;
  }
  return false;
}

/** True when PostgreSQL refused a value the request sent (NUL byte, malformed cursor or id). */
export function isBadDatabaseInput(error: unknown): boolean {
  for (const e of chain(error)) if (typeof e.code === 'string' && badInputCodes.has(e.code)) return true;
  return false;
}

/** What to log of a failed query: the driver's error and the SQL, never the bound parameters (hashes, e-mails). */
export function loggableError(error: unknown): unknown {
  const e = error as { query?: unknown; params?: unknown; cause?: unknown };
  if (e && typeof e === 'object' && typeof e.query === 'string' && 'params' in e)
    return { message: 'Failed query', query: e.query, cause: e.cause };
  return error;
}
