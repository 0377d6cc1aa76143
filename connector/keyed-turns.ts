/**
 * Runs work one piece after another per key, each once the previous one for that key has settled
 * (whether it succeeded or not); different keys never wait for each other.
 */
export class KeyedTurns<Key> {
  readonly #last = new Map<Key, Promise<unknown>>();

  run<T>(key: Key, work: () => Promise<T>): Promise<T> {
    const turn = (this.#last.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.#last.set(key, turn);
    void turn
      .finally(() => {
        if (this.#last.get(key) === turn) this.#last.delete(key);
      })
      .catch(() => undefined);
    return turn;
  }
}
