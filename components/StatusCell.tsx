import { STATUS_SYMBOL } from '@/lib/labels';
import { statusText } from './i18n';

/** A table cell with a status: its symbol (hidden from screen readers, which read the word) and its word. */
export function StatusCell({ status }: { status: string }) {
  return (
    <td class={`status status-${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]} </span>
      {statusText(status)}
    </td>
  );
}
