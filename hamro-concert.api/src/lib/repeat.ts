/**
 * Background work run again and again until stopped: each run starts `intervalMs` after the one
 * before ended, so two never overlap; a run that fails is reported and the next one goes on.
 */
export class Repeat {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts the runs, the first after `firstAfterMs` (one interval unless said). */
  start(firstAfterMs = this.intervalMs): this {
    this.#stopped = false;
    const tick = () => {
      this.#running = this.run()
        .then(
          () => undefined,
          (error: unknown) => this.onError(error),
        )
        .finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(tick, this.intervalMs).unref();
        });
    };
    this.#timer = setTimeout(tick, firstAfterMs).unref();
    return this;
  }

  /** No run starts after this; resolves once the one running, if any, has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
