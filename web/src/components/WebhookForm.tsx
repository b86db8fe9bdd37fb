import { useState, type FormEvent } from 'react';
import type { WebhookDirection } from '../gql/graphql';

export interface WebhookValues {
  name: string;
  direction: WebhookDirection;
  connectionConfigKey: string;
  required: boolean;
}

interface Props {
  initial?: { name: string; direction: WebhookDirection; required: boolean; connectionConfig: { key: string } };
  connections: { key: string; name: string }[];
  submitLabel: string;
  onSubmit: (values: WebhookValues) => Promise<boolean>;
  onCancel: () => void;
}

export function WebhookForm(props: Props) {
  const [name, setName] = useState(props.initial?.name ?? '');
  const [direction, setDirection] = useState<WebhookDirection>(props.initial?.direction ?? 'ONE_WAY');
  const [connectionConfigKey, setConnection] = useState(props.initial?.connectionConfig.key ?? props.connections[0]?.key ?? '');
  const [required, setRequired] = useState(props.initial?.required ?? true);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    await props.onSubmit({ name: name.trim(), direction, connectionConfigKey, required });
    setBusy(false);
  }
  return (
    <form className="webhook-form" onSubmit={submit} aria-label={props.initial ? `Edit ${props.initial.name}` : 'New webhook'}>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      </label>
      <label>
        Direction
        <select value={direction} onChange={(e) => setDirection(e.target.value as WebhookDirection)}>
          <option value="ONE_WAY">one-way (a notification)</option>
          <option value="TWO_WAY">two-way (answers, may halt)</option>
        </select>
      </label>
      <label>
        Connection
        <select value={connectionConfigKey} onChange={(e) => setConnection(e.target.value)} required>
          {props.connections.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        Required (a failed call fails the request)
      </label>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
