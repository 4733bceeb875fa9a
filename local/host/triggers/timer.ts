import type { BlobServiceClient } from '@azure/storage-blob';
import { Cron } from 'croner';
import type { Clock } from '../clock';
import type { FunctionApp } from '../function-app';
import type { RegisteredFunction } from '../runtime/core-api';
import type { TriggerListener } from './listener';

interface ScheduleStatus {
  Last: string;
  Next: string;
  LastUpdated: string;
}

/** .NET's DateTime.MinValue, what Azure reports as `Last` before a timer's first run. */
const NEVER = '0001-01-01T00:00:00.000Z';

/**
 * A timer trigger: six-field NCRONTAB in WEBSITE_TIME_ZONE, `runOnStartup`, and schedule status kept in
 * `azure-webjobs-hosts/timers/...` (as the host's monitor does) so a restart neither fires twice nor skips an
 * occurrence silently: a missed one runs at start with `isPastDue: true`. Time comes from the host Clock.
 * Like Azure's TimerListener, an invocation sees the status from before it ran: `Last` is the previous run
 * (0001-01-01 before the first), `Next` the occurrence now firing (Azure/azure-functions-dotnet-worker#954).
 */
export class TimerListener implements TriggerListener {
  readonly description: string;
  readonly #cron: Cron;
  #cancel: (() => void) | undefined;
  #stopped = false;
  #running: Promise<void> = Promise.resolve();
  #status: ScheduleStatus = { Last: NEVER, Next: NEVER, LastUpdated: NEVER };

  constructor(
    private readonly app: FunctionApp,
    private readonly fn: RegisteredFunction,
    private readonly blobs: BlobServiceClient,
    private readonly clock: Clock,
    readonly timeZone: string,
    private readonly hostId: string,
  ) {
    const schedule = String(fn.trigger.schedule ?? '');
    if (schedule.trim().split(/\s+/).length !== 6) {
      throw new Error(
        `timer ${fn.name}: schedule "${schedule}" must be a six-field NCRONTAB ({second} {minute} {hour} {day} {month} {day-of-week})`,
      );
    }
    this.#cron = new Cron(schedule, { timezone: timeZone, paused: true });
    this.description = `timer ${schedule} (${timeZone})`;
  }

  #statusBlob() {
    return this.blobs
      .getContainerClient('azure-webjobs-hosts')
      .getBlockBlobClient(`timers/${this.hostId}/${this.fn.name}/status`);
  }

  next(afterMs: number): Date {
    const next = this.#cron.nextRun(new Date(afterMs));
    if (!next) throw new Error(`timer ${this.fn.name}: schedule has no future occurrence`);
    return next;
  }

  async start(): Promise<void> {
    await this.blobs.getContainerClient('azure-webjobs-hosts').createIfNotExists();
    const status = await this.#readStatus();
    const now = this.clock.now();
    this.#status = status ?? { Last: NEVER, Next: this.next(now).toISOString(), LastUpdated: NEVER };
    if (status && Date.parse(status.Next) <= now) {
      await this.#fire(Date.parse(status.Next), true);
    } else if (this.fn.trigger.runOnStartup === true) {
      await this.#fire(now, false, true);
    }
    this.#arm(
      status && Date.parse(status.Next) > now ? Date.parse(status.Next) : this.next(this.clock.now()).getTime(),
    );
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#cancel?.();
    await this.#running;
  }

  /**
   * Arms the occurrence at `atMs`. When the next occurrence has already passed by the time a run ends (a long run,
   * or a clock jump), it runs once, past due, and the schedule continues from now — never a catch-up storm. A run
   * that was itself past due was that one run for what it missed: the schedule continues from when it fired.
   */
  #arm(atMs: number, catchUp = false): void {
    if (this.#stopped) return;
    this.#cancel = this.clock.at(atMs, () => {
      const firedAt = this.clock.now();
      const late = firedAt - atMs > 60_000;
      this.#running = this.#fire(atMs, late).finally(() => {
        const now = this.clock.now();
        if (catchUp) return this.#arm(this.next(now).getTime());
        // A past-due run stands for every occurrence missed before it fired; one that passed while it ran is next.
        const following = this.next(late ? firedAt : atMs).getTime();
        this.#arm(following, following <= now);
      });
    });
  }

  async #fire(scheduledMs: number, isPastDue: boolean, onStartup = false): Promise<void> {
    const invokedAt = this.clock.now();
    const seen = onStartup ? this.#status : { ...this.#status, Next: new Date(scheduledMs).toISOString() };
    const payload = { Schedule: { AdjustForDST: true }, ScheduleStatus: seen, IsPastDue: isPastDue };
    // As Azure: an on-time run is recorded at its occurrence (even if it fired a little early), others when invoked.
    const last = isPastDue || onStartup ? invokedAt : Math.max(scheduledMs, invokedAt);
    const status: ScheduleStatus = {
      Last: new Date(last).toISOString(),
      Next: this.next(last).toISOString(),
      LastUpdated: new Date(last).toISOString(),
    };
    try {
      await this.app.invoke(this.fn.name, { json: JSON.stringify(payload) }, {});
    } catch (error) {
      this.app.log(
        'error',
        `timer ${this.fn.name} failed: ${(error as Error).message} (timers are not retried; next run ${status.Next})`,
      );
    }
    this.#status = status;
    await this.#statusBlob()
      .upload(JSON.stringify(status), Buffer.byteLength(JSON.stringify(status)))
      .catch((error: Error) =>
        this.app.log(
          'warn',
          `timer ${this.fn.name}: schedule status not saved (${error.message.split('\n')[0]}); a restart may run this occurrence again`,
        ),
      );
  }

  async #readStatus(): Promise<ScheduleStatus | undefined> {
    try {
      return JSON.parse((await this.#statusBlob().downloadToBuffer()).toString('utf8')) as ScheduleStatus;
    } catch {
      return undefined;
    }
  }
}
