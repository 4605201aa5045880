import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { ConnectionSession } from './ConnectionSession'
import { Menu } from './Menu'
import type { WorkspaceTab } from './Tab'

interface Props {
  session: ConnectionSession
  onClose(tab: WorkspaceTab): void
  onNew(): void
}

/**
 * A connection's tabs. Many tabs scroll sideways rather than spill off the
 * screen, the one in front is kept in view, and a menu lists them all. Arrow
 * keys move between tabs as WAI-ARIA's tabs pattern says.
 */
export function TabStrip({ session, onClose, onNew }: Props) {
  const { tabs, activeTabId } = useSyncExternalStore(session.subscribe, session.getSnapshot)
  const strip = useRef<HTMLDivElement>(null)
  const [listing, setListing] = useState<{ x: number; y: number } | null>(null)

  useEffect(() => {
    strip.current
      ?.querySelector<HTMLElement>('[aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
  }, [activeTabId, tabs.length])

  const move = (step: 1 | -1) => {
    session.cycle(step)
    requestAnimationFrame(() =>
      strip.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus(),
    )
  }

  return (
    <div className="tab-strip">
      <div
        className="tab-strip-tabs"
        role="tablist"
        aria-label={`Tabs of ${session.title}`}
        ref={strip}
        onKeyDown={(event) => {
          if (event.key === 'ArrowRight') move(1)
          else if (event.key === 'ArrowLeft') move(-1)
          else return
          event.preventDefault()
        }}
      >
        {tabs.map((tab) => (
          <TabButton
            key={tab.id}
            tab={tab}
            selected={tab.id === activeTabId}
            onSelect={() => session.activate(tab)}
            onClose={() => onClose(tab)}
          />
        ))}
      </div>
      <button
        className="tab-strip-new"
        onClick={onNew}
        aria-label="New query tab"
        title="New query tab (Alt+T)"
      >
        +
      </button>
      <button
        className="tab-strip-all"
        aria-label="All tabs"
        aria-haspopup="menu"
        aria-expanded={listing !== null}
        title="All tabs"
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect()
          setListing(listing ? null : { x: box.right - 220, y: box.bottom })
        }}
      >
        ⌄
      </button>
      {listing && (
        <Menu
          label="All tabs"
          at={listing}
          items={tabs.map((tab) => ({
            label: tab.header().title,
            checked: tab.id === activeTabId,
            onSelect: () => {
              session.activate(tab)
              setListing(null)
            },
          }))}
          onClose={() => setListing(null)}
        />
      )}
    </div>
  )
}

function TabButton(props: {
  tab: WorkspaceTab
  selected: boolean
  onSelect(): void
  onClose(): void
}) {
  const { tab, selected } = props
  const header = useSyncExternalStore(
    tab.subscribeHeader,
    () => tab.header(),
    () => tab.header(),
  )
  return (
    <span className={`tab kind-${tab.kind}`} data-selected={selected}>
      <button
        role="tab"
        id={`tab-${tab.id}`}
        aria-selected={selected}
        aria-controls={`panel-${tab.id}`}
        tabIndex={selected ? 0 : -1}
        title={header.detail ?? header.title}
        onClick={props.onSelect}
        onAuxClick={(event) => event.button === 1 && props.onClose()}
      >
        {header.busy && <span className="tab-busy" aria-hidden="true" />}
        {header.title}
        {header.dirty && (
          <span className="unsaved" aria-label="unsaved changes" title="Unsaved changes">
            ●
          </span>
        )}
      </button>
      <button
        className="tab-close"
        aria-label={`Close ${header.title}`}
        tabIndex={-1}
        onClick={props.onClose}
      >
        ×
      </button>
    </span>
  )
}
