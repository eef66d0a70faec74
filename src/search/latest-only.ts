/**
 * A job that runs behind the preview's rebuilds, one at a time, and only the newest of the ones asked
 * for while it ran: a save during search indexing does not wait for it, and ten saves in a row index
 * once or twice, not ten times. A failure is told on the console; the next save tries again.
 */
export class LatestOnly {
  #running: Promise<void> | undefined;
  #next: (() => Promise<unknown> | undefined) | undefined;

  constructor(private readonly name: string) {}

  run(job: () => Promise<unknown> | undefined): void {
    this.#next = job;
    this.#running ??= (async () => {
      while (this.#next) {
        const current = this.#next;
        this.#next = undefined;
        // A job that throws at once is told like one whose promise rejects.
        await Promise.resolve().then(current).catch((error: unknown) => console.error(`[dateline] ${this.name}: ${(error as Error).message}`));
      }
    })().finally(() => {
      this.#running = undefined;
      // Asked for in the moment between the loop's last check and here.
      if (this.#next) this.run(this.#next);
    });
  }
}
