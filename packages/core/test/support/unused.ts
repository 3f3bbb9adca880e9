/** Stands in for a repository method a fake adapter never expects to be called. */
export function unused(): never {
  throw new Error('this fake does not provide that operation');
}

/** A repository whose every method fails: for fakes whose code under test must not touch it. */
export function unusedRepository<T extends object>(): T {
  return new Proxy({} as T, { get: () => unused });
}
