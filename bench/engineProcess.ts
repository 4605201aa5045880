/**
 * The engine alone in its own process, as in the app: a SluiceService behind
 * the web transport. Prints `{ port, token }` as one JSON line, then serves
 * until killed. bench/results.ts samples this process's memory.
 */
import { SluiceService } from '../main/service/SluiceService'
import { testDataDir } from '../main/testing/testDataDir'
import { startWebServer } from '../main/transport/webServer'

const service = new SluiceService({ version: 'bench', startUrl: null, dataDir: testDataDir() })
const server = await startWebServer({ service, staticDir: process.cwd() })
process.stdout.write(JSON.stringify({ port: server.port, token: server.token }) + '\n')
process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => service.close())
    .finally(() => process.exit(0))
})
