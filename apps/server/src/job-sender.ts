// The API's side of the job queue: sends only (the worker installs pg-boss's schema and
// the queues, keeps the schedules and runs the jobs). Started on first use, so an API
// without a worker yet starts and serves everything else; pg-boss itself is loaded then
// too (~6 MB an API that sends no job never holds).
import type { JobSender } from "@acme/api";
import type { JobQueue } from "@acme/jobs";

export function jobSender(
  connectionString: string,
  onError: (error: Error) => void,
): JobSender & { close(): Promise<void> } {
  let started: Promise<JobQueue> | null = null;
  const ready = () => {
    started ??= (async () => {
      const { JobQueue } = await import("@acme/jobs/queue");
      const queue = new JobQueue({ connectionString, producer: true, poolSize: 2, onError });
      try {
        await queue.start();
      } catch (error) {
        // Its pool is open already: close it, or each refused call would leave one behind.
        await queue.boss.stop({ graceful: false }).catch(() => undefined);
        throw error;
      }
      return queue;
    })().catch((error) => {
      started = null; // try again on the next call
      throw error;
    });
    return started;
  };
  return {
    async send(name, payload, within) {
      return (await ready()).send(name, payload, within);
    },
    async control(action, name, id) {
      const { boss } = await ready();
      await (action === "retry" ? boss.retry(name, id) : boss.cancel(name, id));
    },
    async close() {
      const queue = await started?.catch(() => null);
      await queue?.boss.stop({ graceful: false });
    },
  };
}
