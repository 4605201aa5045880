import { useState } from 'react'
import { Dialog } from '../workspace/Dialog'

interface Props {
  initialName: string
  onSave(name: string): void
  onClose(): void
}

/** Names a query the first time it is saved; later saves reuse the name. */
export function SaveDialog({ initialName, onSave, onClose }: Props) {
  const [name, setName] = useState(initialName)
  return (
    <Dialog
      label="Save query"
      onClose={onClose}
      onSubmit={() => {
        if (name.trim()) onSave(name.trim())
      }}
    >
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
    </Dialog>
  )
}
