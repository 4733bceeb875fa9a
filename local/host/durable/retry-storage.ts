const TRANSIENT = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|fetch failed/i;

/** True for errors that mean "storage is not reachable right now", not "the request was wrong". */
export function storageUnavailable(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (typeof e?.statusCode === 'number') return e.statusCode >= 500;
  return TRANSIENT.test(`${e?.code ?? ''} ${e?.message ?? ''}`);
}

/**
 * Runs a storage operation until it succeeds while storage is unreachable (an Azurite restart, a network blip):
 * losing a completed step's write would lose the step, so the engine waits instead, backing off up to 2 s.
 */
export async function untilStorageAnswers<T>(operation: () => Promise<T>, onWait?: (error: Error) => void): Promise<T> {
  for (let delay = 100; ; delay = Math.min(2000, delay * 2)) {
    try {
      return await operation();
    } catch (error) {
      if (!storageUnavailable(error)) throw error;
      onWait?.(error as Error);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
