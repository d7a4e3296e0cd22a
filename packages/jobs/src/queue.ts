// pg-boss on the application's Postgres, in its own schema ("pgboss", created by pg-boss
// at start). Every job queue is created with its retry policy and a dead-letter queue;
// sending goes through checkJob, so only the catalog's jobs with valid payloads get in.
import { type Db as IDatabase, PgBoss } from "pg-boss";
import { checkJob, deadLetterOf, JOB_NAMES, JOBS, JOBS_SCHEMA, type JobName } from "./catalog";

export interface QueueOptions {
  connectionString: string;
  /** Connections this instance may hold (pg-boss's default is 10). */
  poolSize?: number;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds?: number;
  /**
   * Only sends (the API): no maintenance, no schedules, no schema changes; the worker
   * installs the schema and the queues, and sending fails until one has started.
   */
  producer?: boolean;
  /** pg-boss's own errors (a dropped connection, a failed maintenance run): logged, never thrown. */
  onError?: (error: Error) => void;
  /** How long finished runs and dead-letter copies stay visible in the history (days); 30 by default. */
  historyDays?: number;
  /** How often schedules are checked (pg-boss checks about every 30 s by default: fine for hourly jobs). */
  scheduleCheckSeconds?: number;
  /** Tests shorten the retry delays and attempts, how long a run may take, and how often lost runs are looked for. */
  retryDelaySeconds?: number;
  retryLimit?: number;
  timeoutSeconds?: number;
  superviseIntervalSeconds?: number;
}

export class JobQueue {
  readonly boss: PgBoss;

  constructor(readonly options: QueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      schema: JOBS_SCHEMA,
      max: options.poolSize ?? 4,
      application_name: options.producer ? "jobs-producer" : "jobs",
      // Lost runs are found by the monitor pass, which runs as often as the longer of the two.
      ...(options.superviseIntervalSeconds
        ? {
            superviseIntervalSeconds: options.superviseIntervalSeconds,
            monitorIntervalSeconds: options.superviseIntervalSeconds,
          }
        : {}),
      ...(options.scheduleCheckSeconds
        ? { cronMonitorIntervalSeconds: options.scheduleCheckSeconds, cronWorkerIntervalSeconds: 1 }
        : {}),
      ...(options.producer
        ? { schedule: false, supervise: false, migrate: false, createSchema: false, registerInstance: false }
        : {}),
    });
    // Without a listener, an EventEmitter's "error" would end the process.
    this.boss.on("error", (error: Error) => options.onError?.(error));
  }

  /** Installs or migrates pg-boss's schema, and creates every queue and its dead-letter queue. */
  async start(): Promise<void> {
    await this.boss.start();
    if (this.options.producer) return;
    for (const name of JOB_NAMES) {
      const job = JOBS[name];
      const history = (this.options.historyDays ?? 30) * 24 * 60 * 60;
      const kept = { deleteAfterSeconds: history, retentionSeconds: history };
      const retries = {
        ...kept,
        retryLimit: this.options.retryLimit ?? job.retryLimit,
        retryDelay: this.options.retryDelaySeconds ?? job.retryDelaySeconds,
        retryBackoff: true,
        // A run longer than this is presumed lost and retried (handlers are idempotent).
        expireInSeconds: this.options.timeoutSeconds ?? job.timeoutSeconds,
      };
      if (await this.boss.getQueue(deadLetterOf(name))) await this.boss.updateQueue(deadLetterOf(name), kept);
      else await this.boss.createQueue(deadLetterOf(name), kept);
      // A queue made by an earlier release takes this release's retry policy.
      if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, retries);
      else await this.boss.createQueue(name, { ...retries, deadLetter: deadLetterOf(name) });
    }
  }

  /**
   * Enqueues a catalog job (JobRefused for anything else); its id. With `within`, the job
   * is written in that transaction: it exists exactly when the transaction commits.
   */
  async send(name: unknown, payload: unknown = {}, within?: SqlExecutor): Promise<string> {
    const job = checkJob(name, payload);
    const id = await this.boss.send(job.name, job.payload, within ? { db: within } : {});
    if (!id) throw new Error(`pg-boss did not queue ${job.name}`);
    return id;
  }

  /** Finishes (or, past `timeoutSeconds`, releases for a retry) what is running, then closes. */
  stop(timeoutSeconds = 30): Promise<void> {
    return this.boss.stop({ graceful: true, timeout: timeoutSeconds * 1000 });
  }
}

/** Runs SQL on a given connection (a transaction), as pg-boss expects. */
export type SqlExecutor = IDatabase;

export type { JobName };
