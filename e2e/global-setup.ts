import { startServer } from './support/server';

/** One production server shared by every page spec; specs that change content start their own. */
export default async function globalSetup() {
  const server = await startServer();
  // Workers inherit the environment global setup leaves behind.
  process.env.E2E_BASE_URL = server.url;
  return async () => {
    await server.stop();
  };
}
