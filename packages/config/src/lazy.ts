// A value loaded on first use (a lazily imported module, a started client), shared by
// every caller while the load runs and after it succeeds. A failed load is not kept:
// the next caller tries again, as a restarted dependency deserves.

export interface Lazy<T> {
  /** The value, loading it if no load is under way or done. */
  get(): Promise<T>;
  /** The load under way or done, without starting one; null when none is (or the last failed). */
  peek(): Promise<T> | null;
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | null = null;
  return {
    get() {
      if (pending) return pending;
      let loading: Promise<T>;
      try {
        loading = load();
      } catch (error) {
        loading = Promise.reject(error); // a load that throws at once is a failed load too
      }
      pending = loading.catch((error: unknown) => {
        pending = null;
        throw error;
      });
      return pending;
    },
    peek: () => pending,
  };
}
