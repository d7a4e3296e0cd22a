// The API's side of the job queue: sends only (the worker installs pg-boss's schema and
// the queues, keeps the schedules and runs the jobs). Started on first use, so an API
// without a worker yet starts and serves everything else; pg-boss itself is loaded then
// too (~6 MB an API that sends no job never holds).
import type { JobSender } from "@acme/api";
import { lazy } from "@acme/config/lazy";

export function jobSender(
  connectionString: string,
  onError: (error: Error) => void,
): JobSender & { close(): Promise<void> } {
  const queue = lazy(async () => {
    const { JobQueue } = await import("@acme/jobs/queue");
    const started = new JobQueue({ connectionString, producer: true, poolSize: 2, onError });
    try {
      await started.start();
    } catch (error) {
      // Its pool is open already: close it, or each refused call would leave one behind.
      await started.boss.stop({ graceful: false }).catch(() => undefined);
      throw error;
    }
    return started;
  });
  return {
    async send(name, payload, within) {
      return (await queue.get()).send(name, payload, within);
    },
    async control(action, name, id) {
      const { boss } = await queue.get();
      await (action === "retry" ? boss.retry(name, id) : boss.cancel(name, id));
    },
    async close() {
      const started = await queue.peek()?.catch(() => null);
      await started?.boss.stop({ graceful: false });
    },
  };
}
