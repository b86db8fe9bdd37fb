import { useEffect, useRef, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { hasScope } from '../auth';
import { errorText } from '../format';

export function ErrorMessage({ error }: { error?: CombinedError | Error | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {errorText(error)}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Shown instead of a control the token's scopes do not allow, with the reason. */
export function missingScope(scope: string): string | undefined {
  return hasScope(scope) ? undefined : `Needs the ${scope} scope, which this sign-in does not have.`;
}

export function NeedsScope({ scope, children }: { scope: string; children: ReactNode }) {
  const reason = missingScope(scope);
  return reason ? <p className="muted">{reason}</p> : <>{children}</>;
}

/** A modal question; Escape or Cancel closes it, focus starts on Cancel. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} aria-labelledby="confirm-title" onClose={props.onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          props.onConfirm();
        }}
      >
        <h2 id="confirm-title">{props.title}</h2>
        {props.children}
        <div className="actions">
          <button type="button" autoFocus onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="danger">
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status.replace(/_/g, ' ')}</span>;
}
