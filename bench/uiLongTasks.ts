/**
 * The UI never freezes: long tasks (PerformanceObserver `longtask`, any task
 * over 50 ms on the page's main thread) measured in Debian's Chromium on the
 * real renderer in web mode, while a person would be waiting on it:
 * - a 1,000,000-row query result streaming into the grid while it is scrolled,
 *   then scrolled top to bottom by wheel and by dragging the scrollbar;
 * - a 1,000,000-row table in its tab: pages of 5,000 scrolled, next pages,
 *   the last page, back;
 * - the schema tree of a 10,000-table database filtered as someone types.
 * Goal: no task over 50 ms. A calibration row first shows the observer
 * catching a task known to take 120 ms. Needs `npm run build` first.
 *
 *   node --import tsx bench/uiLongTasks.ts [rows]
 */
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { serveSluice } from '../main/testing/serveSluice'

const rows = Number(process.argv[2] ?? 1_000_000)
const tables = 10_000
const chromiumPath = process.env.SLUICE_CHROMIUM ?? '/usr/bin/chromium'

interface Figures {
  scenario: string
  seconds: number
  longTasks: number
  longestMs: number
  totalMs: number
}

function buildBig(file: string): void {
  const db = new Database(file)
  db.exec(`CREATE TABLE big (id INTEGER PRIMARY KEY, label TEXT NOT NULL, amount REAL, n INTEGER, note TEXT, stamp TEXT);
    WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${rows})
    INSERT INTO big SELECT g, 'row ' || g, g * 1.5, g % 97, CASE WHEN g % 5 = 0 THEN NULL ELSE hex(randomblob(8)) END,
      datetime(1700000000 + g, 'unixepoch') FROM s;
    ANALYZE;`)
  db.close()
}

function buildWide(file: string): void {
  const db = new Database(file)
  db.exec('BEGIN')
  for (let i = 0; i < tables; i++)
    db.exec(`CREATE TABLE table_${String(i).padStart(5, '0')} (id INTEGER PRIMARY KEY, label TEXT)`)
  db.exec('COMMIT')
  db.close()
}

/** Long tasks from the page's first script on; `measure` reports those during `work`. */
async function recorder(page: Page) {
  await page.addInitScript(() => {
    const seen: number[] = []
    ;(globalThis as unknown as { longTasks: number[] }).longTasks = seen
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration)
    }).observe({ type: 'longtask' as never, buffered: true })
  })
  return async (scenario: string, work: () => Promise<void>): Promise<Figures> => {
    await page.evaluate(
      () => ((globalThis as unknown as { longTasks: number[] }).longTasks.length = 0),
    )
    const started = performance.now()
    await work()
    // A task still running when the work returns is reported once it ends.
    await page.waitForTimeout(300)
    const tasks = await page.evaluate(() => [
      ...(globalThis as unknown as { longTasks: number[] }).longTasks,
    ])
    return {
      scenario,
      seconds: (performance.now() - started) / 1000,
      longTasks: tasks.length,
      longestMs: Math.round(Math.max(0, ...tasks)),
      totalMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
    }
  }
}

async function connect(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: 'Connect…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect to a database' })
  await dialog.getByLabel('Connection URL').fill(url)
  await dialog.getByRole('button', { name: 'Connect' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

const grid = (page: Page) => page.getByTestId('results-grid').filter({ visible: true })

/** Wheel steps down the grid, then scrollbar drags to spread-out places, waiting for rows each time. */
async function scrollThrough(page: Page, wheelSteps: number, jumps: number): Promise<void> {
  const box = (await grid(page).boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < wheelSteps; i++) {
    await page.mouse.wheel(0, 2400)
    await page.waitForTimeout(16)
  }
  for (let i = 0; i <= jumps; i++)
    await grid(page)
      .evaluate((element, share) => {
        element.scrollTop = (element.scrollHeight - element.clientHeight) * share
      }, i / jumps)
      .then(() => page.waitForTimeout(120))
}

async function main() {
  if (!existsSync('out/renderer/index.html')) throw new Error('Build first: npm run build')
  const folder = mkdtempSync(join(tmpdir(), 'sluice-ui-bench-'))
  const big = join(folder, 'big.sqlite')
  const wide = join(folder, 'wide.sqlite')
  buildBig(big)
  buildWide(wide)
  const server = await serveSluice(join(folder, 'home'))
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  const figures: Figures[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const measure = await recorder(page)
    await page.goto(server.url)
    await page.getByRole('tree', { name: 'Schema' }).waitFor()
    // The instrument itself, in the same run: a task known to take 120 ms must show as one.
    figures.push(
      await measure('calibration: one 120 ms busy task', () =>
        // In a task of the page's own (a timer), as the app's work is; DevTools' evaluate is not one.
        page.evaluate(
          () =>
            new Promise<void>((resolve) =>
              setTimeout(() => {
                const until = performance.now() + 120
                while (performance.now() < until);
                resolve()
              }),
            ),
        ),
      ),
    )
    await connect(page, `sqlite://${big}`)

    const editor = page.getByTestId('sql-editor').filter({ visible: true })
    figures.push(
      await measure(
        `${rows.toLocaleString('en-US')}-row result, streamed while scrolled`,
        async () => {
          await editor.click()
          await page.keyboard.insertText('SELECT * FROM big ORDER BY id')
          await page.keyboard.press('Control+Enter')
          while ((await page.getByTestId('query-status').textContent()) !== 'Done') {
            await grid(page)
              .evaluate((element) => (element.scrollTop = element.scrollHeight))
              .catch(() => undefined)
            await page.waitForTimeout(100)
          }
        },
      ),
    )
    figures.push(
      await measure(`${rows.toLocaleString('en-US')}-row result, scrolled top to bottom`, () =>
        scrollThrough(page, 300, 40),
      ),
    )

    figures.push(
      await measure(`${rows.toLocaleString('en-US')}-row table, pages of 5,000`, async () => {
        await page
          .getByRole('tree', { name: 'Schema' })
          .getByRole('treeitem', { name: 'big' })
          .dblclick()
        const table = page.getByRole('region', { name: 'Table big' })
        const position = table.getByTestId('page-position')
        await position.getByText(/^Rows 1–/).waitFor()
        await table.getByLabel('Rows per page').selectOption('5000')
        await position.getByText('Rows 1–5,000').waitFor()
        await scrollThrough(page, 60, 10)
        for (let i = 0; i < 5; i++) {
          await table.getByRole('button', { name: 'Next page' }).click()
          await position
            .getByText(`Rows ${((i + 1) * 5000 + 1).toLocaleString('en-US')}–`)
            .waitFor()
          await scrollThrough(page, 20, 4)
        }
        await table.getByRole('button', { name: 'Last page' }).click()
        await position.getByText(/Last|Rows 995,001/).waitFor()
        await scrollThrough(page, 20, 4)
        await table.getByRole('button', { name: 'Previous page' }).click()
        await position.getByText(/before the end|Rows 990,001/).waitFor()
      }),
    )

    const filter = page.getByRole('searchbox', { name: 'Filter tables' }).filter({ visible: true })
    figures.push(
      await measure(
        `${tables.toLocaleString('en-US')}-table database opened, tree drawn`,
        async () => {
          await connect(page, `sqlite://${wide}`)
          await filter.and(page.getByPlaceholder('Filter 10,000 tables and views')).waitFor()
          await page.getByRole('treeitem', { name: 'table_00000' }).waitFor()
        },
      ),
    )
    figures.push(
      await measure(`${tables.toLocaleString('en-US')}-table tree, filtered as typed`, async () => {
        await filter.pressSequentially('table_0999', { delay: 30 })
        await page.getByRole('treeitem', { name: 'table_09999' }).waitFor()
        await filter.fill('')
        await filter.pressSequentially('42', { delay: 30 })
        await filter.fill('')
        await page.getByRole('treeitem', { name: 'table_00000' }).waitFor()
      }),
    )
  } finally {
    await browser.close()
    await server.stop()
    rmSync(folder, { recursive: true, force: true })
  }

  console.log('| scenario | seconds | long tasks | longest ms | total ms in long tasks |')
  console.log('| -------- | ------: | ---------: | ---------: | ---------------------: |')
  for (const f of figures)
    console.log(
      `| ${f.scenario} | ${f.seconds.toFixed(1)} | ${f.longTasks} | ${f.longestMs} | ${f.totalMs} |`,
    )
  const measured = figures.filter((f) => !f.scenario.startsWith('calibration'))
  const worst = Math.max(...measured.map((f) => f.longestMs))
  console.log(`\nLongest task while working: ${worst} ms (goal: none over 50 ms)`)
}

await main()
