import { useState } from 'react'

interface Props {
  initialName: string
  onSave(name: string): void
  onClose(): void
}

/** Names a query the first time it is saved; later saves reuse the name. */
export function SaveDialog({ initialName, onSave, onClose }: Props) {
  const [name, setName] = useState(initialName)
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-label="Save query"
        onSubmit={(event) => {
          event.preventDefault()
          if (name.trim()) onSave(name.trim())
        }}
      >
        <h2>Save query</h2>
        <label>
          Name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="dialog-buttons">
          <button className="primary" type="submit" disabled={!name.trim()}>
            Save
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </div>
  )
}
