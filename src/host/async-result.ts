/**
 * Office.AsyncResultStatus is an enum whose runtime values are the strings "succeeded" and "failed". Comparing to the
 * string keeps this code independent of the global `Office` (unit tests pass a plain object).
 */
export function succeeded<T>(result: Office.AsyncResult<T> | undefined | null): boolean {
  return (result?.status as unknown) === 'succeeded';
}
