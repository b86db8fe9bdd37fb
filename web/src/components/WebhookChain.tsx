import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { ChainWebhookFragment, WebhookPhase } from '../gql/graphql';
import { ConfirmDialog, ErrorMessage, missingScope } from './common';
import { WebhookForm, type WebhookValues } from './WebhookForm';

const PatchWebhook = graphql(`
  mutation ConsolePatchWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!, $patch: WebhookPatch!) {
    patchWebhook(policyKey: $policyKey, phase: $phase, key: $key, patch: $patch) {
      resource {
        ...ChainWebhook
      }
      newOrder {
        key
        order
      }
    }
  }
`);

const DeleteWebhook = graphql(`
  mutation ConsoleDeleteWebhook($policyKey: String!, $phase: WebhookPhase!, $key: String!) {
    deleteWebhook(policyKey: $policyKey, phase: $phase, key: $key) {
      newOrder {
        key
        order
      }
    }
  }
`);

const SetPre = graphql(`
  mutation ConsoleSetPreWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {
    setPreWebhooks(policyKey: $policyKey, webhooks: $webhooks) {
      ...ChainWebhook
    }
  }
`);

const SetPost = graphql(`
  mutation ConsoleSetPostWebhooks($policyKey: String!, $webhooks: [WebhookInput!]!) {
    setPostWebhooks(policyKey: $policyKey, webhooks: $webhooks) {
      ...ChainWebhook
    }
  }
`);

interface Props {
  policyKey: string;
  phase: WebhookPhase;
  title: string;
  webhooks: readonly ChainWebhookFragment[];
  connections: { key: string; name: string }[];
  onChanged: () => void;
}

/** One phase's ordered webhooks: drag (mouse or keyboard) to reorder, add, edit, delete. */
export function WebhookChain(props: Props) {
  const [items, setItems] = useState(props.webhooks);
  const [error, setError] = useState<CombinedError | undefined>();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ChainWebhookFragment | null>(null);
  const [, patch] = useMutation(PatchWebhook);
  const [, remove] = useMutation(DeleteWebhook);
  const [, setChain] = useMutation(props.phase === 'PRE_EXECUTION' ? SetPre : SetPost);
  useEffect(() => setItems(props.webhooks), [props.webhooks]);
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const editBlocked = missingScope('webhook:create_or_update');
  const deleteBlocked = missingScope('webhook:delete');
  const nameOf = (id: string | number) => items.find((w) => w.key === id)?.name ?? String(id);
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}, position ${indexOf(active.id) + 1} of ${items.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is over position ${indexOf(over.id) + 1} of ${items.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `${nameOf(active.id)} dropped at position ${indexOf(over.id) + 1} of ${items.length}.` : undefined,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };
  function indexOf(id: string | number) {
    return items.findIndex((w) => w.key === id);
  }

  async function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const before = items;
    const to = indexOf(over.id);
    setItems(arrayMove([...items], indexOf(active.id), to)); // at once; rolled back if the server refuses
    setError(undefined);
    const answer = await patch({ policyKey: props.policyKey, phase: props.phase, key: String(active.id), patch: { order: to } });
    if (answer.error) {
      setItems(before);
      setError(answer.error);
    }
  }

  async function save(values: WebhookValues, key: string | null) {
    setError(undefined);
    const answer = key
      ? await patch({ policyKey: props.policyKey, phase: props.phase, key, patch: values })
      : await setChain({
          policyKey: props.policyKey,
          webhooks: [
            ...items.map((w) => ({
              key: w.key,
              name: w.name,
              direction: w.direction,
              connectionConfigKey: w.connectionConfig.key,
              required: w.required,
            })),
            values,
          ],
        });
    if (answer.error) {
      setError(answer.error);
      return false;
    }
    setEditing(null);
    props.onChanged();
    return true;
  }

  async function confirmDelete(webhook: ChainWebhookFragment) {
    setDeleting(null);
    const answer = await remove({ policyKey: props.policyKey, phase: props.phase, key: webhook.key });
    if (answer.error) setError(answer.error);
    else props.onChanged();
  }

  const headingId = `chain-${props.phase}`;
  return (
    <section className="chain" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      <ErrorMessage error={error} />
      {items.length === 0 && <p className="empty">No webhooks in this phase.</p>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
        <SortableContext items={items.map((w) => w.key)} strategy={verticalListSortingStrategy}>
          <ol className="webhooks" aria-label={`${props.title} webhooks, in order`}>
            {items.map((webhook, index) =>
              editing === webhook.key ? (
                <li key={webhook.key} className="webhook editing">
                  <WebhookForm
                    initial={webhook}
                    connections={props.connections}
                    submitLabel="Save"
                    onSubmit={(values) => save(values, webhook.key)}
                    onCancel={() => setEditing(null)}
                  />
                </li>
              ) : (
                <SortableWebhook
                  key={webhook.key}
                  webhook={webhook}
                  position={index + 1}
                  locked={!!editBlocked}
                  onEdit={editBlocked ? undefined : () => setEditing(webhook.key)}
                  onDelete={deleteBlocked ? undefined : () => setDeleting(webhook)}
                />
              ),
            )}
          </ol>
        </SortableContext>
      </DndContext>
      {editBlocked ? (
        <p className="muted">{editBlocked}</p>
      ) : editing === 'new' ? (
        <WebhookForm
          connections={props.connections}
          submitLabel="Add webhook"
          onSubmit={(values) => save(values, null)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button
          type="button"
          onClick={() => setEditing('new')}
          disabled={props.connections.length === 0}
          title={props.connections.length === 0 ? 'Create a connection first.' : undefined}
        >
          Add a webhook
        </button>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete webhook"
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && void confirmDelete(deleting)}
      >
        <p>Requests already running that include it record it as skipped.</p>
      </ConfirmDialog>
    </section>
  );
}

function SortableWebhook(props: {
  webhook: ChainWebhookFragment;
  position: number;
  locked: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  const { webhook } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: webhook.key,
    disabled: props.locked,
  });
  const style = { transform: CSS.Transform.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={`webhook${isDragging ? ' dragging' : ''}`} data-webhook-key={webhook.key}>
      {!props.locked && (
        <button
          type="button"
          className="handle"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Move ${webhook.name}, position ${props.position}`}
        >
          ⠿
        </button>
      )}
      <span className="position" aria-hidden="true">
        {props.position}
      </span>
      <span className="name">{webhook.name}</span>
      <span className="badge">{webhook.direction === 'TWO_WAY' ? 'two-way' : 'one-way'}</span>
      {!webhook.required && <span className="badge optional">optional</span>}
      <span className="muted">{webhook.connectionConfig.name}</span>
      <span className="row-actions">
        {props.onEdit && (
          <button type="button" className="link" onClick={props.onEdit} aria-label={`Edit ${webhook.name}`}>
            Edit
          </button>
        )}
        {props.onDelete && (
          <button type="button" className="link danger" onClick={props.onDelete} aria-label={`Delete ${webhook.name}`}>
            Delete
          </button>
        )}
      </span>
    </li>
  );
}
