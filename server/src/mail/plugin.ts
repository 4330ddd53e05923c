import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { digester, mayStillDeliver } from './digests.js';
import { deliverer, deliveryGaveUp, notificationGaveUp } from './deliver.js';
import { Jobs, QUEUES } from './jobs.js';
import { passwordResetRequester } from './passwordReset.js';
import { verificationRequester } from './verification.js';
import { notifier, registerMailer } from './notifications.js';
import { runClosingReminders } from './reminders.js';
import { loadMjml } from './render.js';
import { runMailRetention } from './retention.js';
import { runStaffAlerts } from './staffAlerts.js';
import { smtpTransport } from './transport.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue (pg-boss on this database) that mail and its causes go through. */
    jobs: Jobs;
  }
}

/**
 * Mail: the job queue, and — when MAIL_WORKER is on (the default; tests opt in) — the workers that
 * compose password-reset mail and notifications and deliver every message, over SMTP when SMTP_URL is set, else into
 * the development mailbox. Any number of instances may run workers: pg-boss hands each job to one.
 */
export const mailPlugin = fp(
  async (app: FastifyInstance) => {
    const { config, db } = app;
    const jobs = new Jobs(db, {
      pollingIntervalSeconds: config.mail.pollingIntervalSeconds,
      supervise: config.mail.supervise,
      schedule: config.mail.worker && config.mail.schedule,
      onError: (err) => app.log.warn({ err }, 'job queue error'),
    });
    app.decorate('jobs', jobs);
    // The commands that cause notifications (decisions, replies) find the queue through the database handle.
    const unregister = registerMailer({ db, jobs, config });
    const smtp = config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : undefined;
    // The queue is started before the first request, never on first use: a job is inserted inside
    // the transaction of what caused it, and starting pg-boss there took more pool connections
    // while that transaction held one. Ten decisions at once held all ten and waited for an
    // eleventh: every request on the instance then waited out the pool's 5 s (503).
    app.addHook('onReady', () => jobs.start());
    if (config.mail.worker) {
      app.addHook('onReady', async () => {
        // MJML takes over a second of CPU to load: at start-up, not in the middle of the first request.
        await loadMjml();
        await jobs.work(
          QUEUES.mailSend,
          deliverer(db, smtp, (id) => mayStillDeliver(db, config, id)),
        );
        await jobs.work(QUEUES.mailNotify, notifier(db, jobs, config));
        await jobs.work(QUEUES.passwordReset, passwordResetRequester(db, jobs, config));
        await jobs.work(QUEUES.emailVerification, verificationRequester(db, jobs, config));
        // pg-boss gave up on a job (last retry failed, or it expired): its rows say so.
        await jobs.work(QUEUES.mailSendFailed, deliveryGaveUp(db));
        await jobs.work(QUEUES.mailNotifyFailed, notificationGaveUp(db));
        // The scheduled jobs (`SCHEDULES` in jobs.ts), each run by one instance when due.
        const mailer = { db, jobs, config };
        await jobs.work(QUEUES.closingReminders, async () => void (await runClosingReminders(mailer)));
        await jobs.work(QUEUES.staffAlerts, async () => void (await runStaffAlerts(mailer)));
        await jobs.work(QUEUES.mailRetention, async () => void (await runMailRetention(db, config)));
        await jobs.work(QUEUES.digestDaily, digester(db, jobs, config, 'daily'));
        await jobs.work(QUEUES.digestWeekly, digester(db, jobs, config, 'weekly'));
        await jobs.registerSchedules();
      });
    }
    app.addHook('onClose', async () => {
      unregister();
      await jobs.stop();
      smtp?.close();
    });
  },
  { name: 'mail', dependencies: ['core'] },
);
