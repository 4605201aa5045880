import { app } from 'electron'
import { startDesktopApp } from './desktopApp'

startDesktopApp().catch((error: unknown) => {
  console.error(`Sluice could not start: ${error instanceof Error ? error.message : String(error)}`)
  app.exit(1)
})
