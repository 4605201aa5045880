/**
 * State that outlives the component showing it. Views read it with
 * `useSyncExternalStore(store.subscribe, store.getSnapshot)` and change it
 * only through the store's methods, so a hidden tab keeps its state and a
 * test can drive it without React. Each change makes a new snapshot object.
 */
export class Store<S extends object> {
  private readonly listeners = new Set<() => void>()

  constructor(protected state: S) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): S => this.state

  protected update(change: Partial<S>): void {
    this.state = { ...this.state, ...change }
    for (const listener of [...this.listeners]) listener()
  }
}
