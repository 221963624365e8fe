import { randomBytes } from 'node:crypto';
import type { DevLogto } from '@smsdesk/dev-logto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConnectorBody } from '../fixtures/connectors.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.ts';
import { startApiProcess } from '../helpers/server-process.ts';
import { startTestLogto } from '../helpers/session.ts';
import { forgeToken } from '../helpers/tokens.ts';

describe.each(databaseKinds)('SIGKILL during a stream of writes on %s', (kind) => {
  let logto: DevLogto;
  let database: TestDatabase;
  let env: Record<string, string>;
  let authorization: string;

  beforeAll(async () => {
    logto = await startTestLogto();
    database = await createTestDatabase(kind);
    env = {
      ...database.env,
      LOGTO_ENDPOINT: logto.endpoint,
      SESSION_SECRET: 'durability-session-secret-0123456789abcdef',
      SMSDESK_SECRET_KEY: randomBytes(32).toString('base64'),
    };
    const token = await forgeToken({
      jwk: logto.privateJwk,
      issuer: logto.issuer,
      audience: logto.resource,
      scope: 'read:connectors write:connectors',
      expiresIn: 600,
    });
    authorization = `Bearer ${token}`;
  });
  afterAll(async () => {
    await logto?.close();
    await database?.drop();
  });

  it('keeps every acknowledged write, and no half-written connector', async () => {
    const first = await startApiProcess(env);
    const acknowledged: string[] = [];
    let stop = false;
    let attempts = 0;
    const writer = async (worker: number) => {
      for (let i = 0; !stop; i += 1) {
        const name = `w${worker}-${i}`;
        attempts += 1;
        try {
          const res = await fetch(`${first.url}/api/connectors`, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify(devConnectorBody(name)),
          });
          if (res.status === 201) acknowledged.push(name);
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
    await first.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(attempts).toBeGreaterThan(acknowledged.length);

    const second = await startApiProcess(env);
    try {
      const list = await fetch(`${second.url}/api/connectors`, { headers: { authorization } });
      expect(list.status).toBe(200);
      const items = ((await list.json()) as { items: unknown[] }).items as {
        id: string;
        name: string;
        templates: unknown[];
        hasAccessKeySecret: boolean;
      }[];
      const names = new Set(items.map((c) => c.name));
      expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
      for (const connector of items) {
        expect(connector.templates).toHaveLength(4);
        expect(connector.hasAccessKeySecret).toBe(true);
      }
      // Every stored connector has its creation in the audit log: row and event were one transaction.
      const audit = await fetch(`${second.url}/api/audit-events?limit=100`, { headers: { authorization } });
      const created = new Set(
        (((await audit.json()) as { items: unknown[] }).items as { action: string; connectorName: string }[])
          .filter((e) => e.action === 'connector.created')
          .map((e) => e.connectorName),
      );
      expect(items.filter((c) => !created.has(c.name)).map((c) => c.name)).toEqual([]);
    } finally {
      await second.kill('SIGTERM');
    }
  }, 90_000);
});
