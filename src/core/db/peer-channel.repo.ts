import { randomBytes } from "node:crypto";
import type pg from "pg";

/**
 * A message channel between the app processes that share one PostgreSQL database (LISTEN/NOTIFY),
 * for what lives in each process's memory and must change in all together: today, dropping the page
 * cache. One dedicated connection per process listens (a pooled connection would be handed to other
 * queries); notifications are sent on it too. Messages a process sent itself are ignored.
 *
 * If the connection breaks it is opened again after a pause, and `onReconnect` runs: whatever was
 * sent meanwhile is lost, so the caller assumes the worst (drops its cache).
 */
export interface PeerChannel {
  notify(): void;
  close(): Promise<void>;
}

const RETRY_MS = 1_000;

export async function openPeerChannel(
  url: string,
  channel: string,
  handlers: { onMessage: () => void; onReconnect: () => void; onError: (error: Error) => void },
): Promise<PeerChannel> {
  const { default: driver } = await import("pg");
  const self = `${process.pid}-${randomBytes(4).toString("hex")}`;
  let client: pg.Client | null = null;
  let closed = false;

  const scheduleReconnect = (): void => {
    setTimeout(() => {
      if (closed) return;
      connect().then(handlers.onReconnect, (error: Error) => {
        handlers.onError(error);
        scheduleReconnect();
      });
    }, RETRY_MS).unref();
  };

  const connect = async (): Promise<void> => {
    const next = new driver.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== self) handlers.onMessage();
    });
    // Only the connection in use reconnects; a failed attempt's own events are ignored.
    const lost = (error?: Error) => {
      if (closed || client !== next) return;
      if (error) handlers.onError(error);
      client = null;
      scheduleReconnect();
    };
    next.on("error", lost);
    next.on("end", () => lost());
    await next.connect();
    // The channel name is ours, never the user's: quoted as an identifier all the same.
    await next.query(`LISTEN ${driver.escapeIdentifier(channel)}`);
    client = next;
  };
  await connect();

  return {
    notify() {
      client?.query("SELECT pg_notify($1, $2)", [channel, self]).catch(handlers.onError);
    },
    async close() {
      closed = true;
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
